/**
 * Glossary tooltips, enhanced. CSS already shows a tip on hover and focus;
 * this adds: a first tap on a touch screen opens the tip instead of leaving
 * the page (a second tap follows the link), Escape and a tap elsewhere close
 * it, the tip is nudged to stay inside the viewport (upwards near the bottom
 * edge), and a click on the bubble opens the entry, as its hint says.
 */
let wired = false;
let lastPointer = 'mouse';

/** Keeps the tip inside the viewport: nudged left at the right edge, opened upwards when there is no room below. */
function fit(term: HTMLElement): void {
  const tip = term.querySelector<HTMLElement>('.term-tip');
  if (!tip) return;
  tip.style.left = '0px';
  term.classList.remove('tip-up');
  const rect = tip.getBoundingClientRect();
  const overflow = rect.right - (document.documentElement.clientWidth - 8);
  if (overflow > 0) tip.style.left = `${-Math.min(overflow, rect.left - 8)}px`;
  const below = window.innerHeight - 8;
  const room = term.getBoundingClientRect().top - 8;
  if (rect.bottom > below && room >= rect.height + 4) term.classList.add('tip-up');
}

function closeAll(except?: Element): void {
  for (const t of document.querySelectorAll('.term.open')) if (t !== except) t.classList.remove('open');
}

export function initTermTips(): void {
  if (wired) return;
  wired = true;
  document.addEventListener('pointerdown', (e) => { lastPointer = e.pointerType; }, true);
  // The hint in the bubble ("点击查看词条") is true only with this script: a click
  // on the bubble opens the entry, as a click on the term does.
  document.documentElement.classList.add('tips-live');
  document.addEventListener('click', (e) => {
    const tip = (e.target as Element).closest('.term-tip');
    const entry = tip?.parentElement?.querySelector<HTMLAnchorElement>('.term-link');
    if (entry) { location.href = entry.href; return; }
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
