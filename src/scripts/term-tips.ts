/**
 * Glossary tooltips, enhanced. CSS already shows a tip on hover and focus;
 * this adds: a first tap on a touch screen opens the tip instead of leaving
 * the page (a second tap follows the link), Escape and a tap elsewhere close
 * it, and the tip is nudged to stay inside the viewport.
 */
let wired = false;
let lastPointer = 'mouse';

function fit(term: HTMLElement): void {
  const tip = term.querySelector<HTMLElement>('.term-tip');
  if (!tip) return;
  tip.style.left = '0px';
  const rect = tip.getBoundingClientRect();
  const overflow = rect.right - (document.documentElement.clientWidth - 8);
  if (overflow > 0) tip.style.left = `${-Math.min(overflow, rect.left - 8)}px`;
}

function closeAll(except?: Element): void {
  for (const t of document.querySelectorAll('.term.open')) if (t !== except) t.classList.remove('open');
}

export function initTermTips(): void {
  if (wired) return;
  wired = true;
  document.addEventListener('pointerdown', (e) => { lastPointer = e.pointerType; }, true);
  document.addEventListener('click', (e) => {
    const link = (e.target as Element).closest<HTMLAnchorElement>('.term-link');
    if (!link) { closeAll(); return; }
    const term = link.parentElement as HTMLElement;
    if (lastPointer === 'touch' && !term.classList.contains('open')) {
      e.preventDefault();
      closeAll(term);
      term.classList.remove('dismissed');
      term.classList.add('open');
      fit(term);
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    for (const t of document.querySelectorAll<HTMLElement>('.term.open, .term:hover, .term:focus-within')) {
      t.classList.remove('open');
      t.classList.add('dismissed');
    }
  });
  const reset = (e: Event) => (e.currentTarget as HTMLElement).classList.remove('dismissed');
  for (const term of document.querySelectorAll<HTMLElement>('.term')) {
    term.addEventListener('mouseenter', () => fit(term));
    term.addEventListener('focusin', () => fit(term));
    term.addEventListener('mouseleave', reset);
    term.addEventListener('focusout', reset);
  }
}
