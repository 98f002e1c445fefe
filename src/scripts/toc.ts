/**
 * The table of contents follows the reader: the link of the section being
 * read is marked (aria-current), and on a phone the closed bar names it. A
 * chosen link folds the outline again (on a wide screen it stays shown: CSS).
 * Kept small: it counts against the page's script budget.
 */
export function initToc(): void {
  const toc = document.querySelector('.doc-toc')!;
  const current = toc.querySelector('.toc-current')!;
  const links = [...toc.querySelectorAll<HTMLAnchorElement>('nav a')];
  let shown: Element | undefined;
  const update = () => {
    // The last heading above the upper part of the screen is the section being read.
    let at: HTMLAnchorElement | undefined;
    for (const a of links) {
      if ((document.getElementById(a.hash.slice(1))?.getBoundingClientRect().top ?? 1e9) > 120) break;
      at = a;
    }
    if (at === shown) return;
    shown?.removeAttribute('aria-current');
    at?.setAttribute('aria-current', 'location');
    current.textContent = at?.textContent ?? '';
    shown = at;
  };
  addEventListener('scroll', update, { passive: true });
  update();
  toc.addEventListener('click', (e) => {
    if ((e.target as Element).closest('nav a')) toc.querySelector('details')!.open = false;
  });
}
