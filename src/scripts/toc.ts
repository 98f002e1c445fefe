/**
 * The table of contents follows the reader: the link of the section being
 * read is marked (aria-current), and on a phone the closed bar names it.
 * On a phone a chosen link closes the outline again, and so does Escape.
 */
let wired = false;

export function initToc(): void {
  const toc = document.querySelector<HTMLElement>('.doc-toc');
  if (wired || !toc) return;
  wired = true;
  const details = toc.querySelector('details')!;
  const current = toc.querySelector<HTMLElement>('.toc-current')!;
  const links = [...toc.querySelectorAll<HTMLAnchorElement>('nav a[href^="#"]')];
  const targets = links
    .map((a) => ({ a, el: document.getElementById(decodeURIComponent(a.hash.slice(1))) }))
    .filter((t): t is { a: HTMLAnchorElement; el: HTMLElement } => t.el !== null);
  const narrow = window.matchMedia('(max-width: 63.99rem)');
  let shown: HTMLAnchorElement | null = null;

  const update = () => {
    // The last heading above the upper fifth of the screen is the section being read.
    const line = Math.min(window.innerHeight * 0.2, 160);
    let at: HTMLAnchorElement | null = null;
    for (const t of targets) {
      if (t.el.getBoundingClientRect().top <= line) at = t.a;
      else break;
    }
    if (at === shown) return;
    shown?.removeAttribute('aria-current');
    at?.setAttribute('aria-current', 'location');
    shown = at;
    current.textContent = at ? at.textContent : '';
  };
  let queued = false;
  window.addEventListener('scroll', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; update(); });
  }, { passive: true });
  window.addEventListener('hashchange', update);
  update();

  toc.addEventListener('click', (e) => {
    if (narrow.matches && (e.target as Element).closest('nav a')) details.open = false;
  });
  toc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && details.open && narrow.matches) {
      details.open = false;
      toc.querySelector('summary')!.focus();
    }
  });
}
