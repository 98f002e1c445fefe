/**
 * Theme and text-size controls. The saved choice is applied by an inline
 * script in <head> before paint; this wires the buttons and keeps their
 * pressed state in sync.
 */
const root = document.documentElement;

function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

function isDark(): boolean {
  const t = root.dataset.theme;
  if (t) return t === 'dark';
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function initPreferences(): void {
  const box = document.querySelector<HTMLElement>('[data-prefs]');
  if (!box) return;
  const themeBtn = box.querySelector<HTMLButtonElement>('[data-theme-toggle]')!;
  const themeLabel = box.querySelector<HTMLElement>('[data-theme-label]')!;
  const sizeBtns = [...box.querySelectorAll<HTMLButtonElement>('[data-size-btn]')];

  const render = () => {
    const dark = isDark();
    themeBtn.setAttribute('aria-pressed', String(dark));
    themeLabel.textContent = '深色';
    const size = root.dataset.size ?? 'm';
    for (const b of sizeBtns) b.setAttribute('aria-pressed', String(b.dataset.sizeBtn === size));
  };
  themeBtn.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    store('theme', next);
    render();
  });
  for (const b of sizeBtns) {
    b.addEventListener('click', () => {
      const size = b.dataset.sizeBtn!;
      if (size === 'm') delete root.dataset.size;
      else root.dataset.size = size;
      store('size', size === 'm' ? null : size);
      render();
    });
  }
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', render);
  render();
}
