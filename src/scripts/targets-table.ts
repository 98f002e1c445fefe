/**
 * Filters (region, year, topic, agency) and sortable columns for the targets
 * table. Sorted by deadline, rows without one (data-dated="0") stay last
 * in both directions.
 */
export function initTargetsTable(): void {
  const table = document.querySelector<HTMLTableElement>('[data-targets]');
  const box = document.querySelector<HTMLElement>('[data-target-filters]');
  if (!table || !box) return;
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const count = box.querySelector<HTMLElement>('[data-target-count]')!;
  const selects = [...box.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const apply = () => {
    let shown = 0;
    for (const r of rows) {
      const ok = selects.every((s) => {
        const v = r.dataset[s.dataset.filter!] ?? '';
        // data-match="word": the row lists several values (agency ids), space-separated.
        return !s.value || (s.dataset.match === 'word' ? v.split(' ').includes(s.value) : v === s.value);
      });
      r.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = `显示 ${shown} / ${rows.length} 项`;
  };
  for (const s of selects) s.addEventListener('change', apply);
  for (const th of table.tHead!.querySelectorAll<HTMLTableCellElement>('th[data-sort]')) {
    const key = th.dataset.sort!;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    th.setAttribute('aria-sort', 'none');
    button.addEventListener('click', () => {
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const other of table.tHead!.querySelectorAll('th[data-sort]')) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', dir);
      const sign = dir === 'ascending' ? 1 : -1;
      const val = (r: HTMLTableRowElement) => r.dataset[key] ?? '';
      const undated = (r: HTMLTableRowElement) => (key === 'year' && r.dataset.dated === '0' ? 1 : 0);
      rows.sort(
        (a, b) =>
          undated(a) - undated(b) ||
          sign *
            (key === 'number' || key === 'year'
              ? Number(val(a)) - Number(val(b))
              : val(a).localeCompare(val(b), 'zh-CN-u-co-pinyin')),
      );
      body.append(...rows);
    });
  }
  apply();
}
