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
  const r = tip.getBoundingClientRect();
  const over = r.right - document.documentElement.clientWidth + 8;
  if (over > 0) tip.style.left = `${-Math.min(over, r.left - 8)}px`;
  term.classList.toggle('tip-up', r.bottom > innerHeight - 8 && term.getBoundingClientRect().top > r.height + 12);
}

function closeAll(except?: Element): void {
  for (const t of document.querySelectorAll('.term.open')) if (t !== except) t.classList.remove('open');
}

export function initTermTips(): void {
  if (wired) return;
  wired = true;
  document.addEventListener(
    'pointerdown',
    (e) => {
      lastPointer = e.pointerType;
    },
    true,
  );
  // The hint in the bubble ("点击查看词条") is true only with this script: a click
  // on the bubble opens the entry, as a click on the term does.
  document.documentElement.classList.add('tips-live');
  document.addEventListener('click', (e) => {
    const tip = (e.target as Element).closest('.term-tip');
    const entry = tip?.parentElement?.querySelector<HTMLAnchorElement>('.term-link');
    if (entry) {
      location.href = entry.href;
      return;
    }
    const link = (e.target as Element).closest<HTMLAnchorElement>('.term-link');
    if (!link) {
      closeAll();
      return;
    }
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
