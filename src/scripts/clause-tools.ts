/**
 * "Copy link" and "copy citation" for provisions. The links are built from
 * the page's own location, so they are right under any base path or host.
 * Citation: 《文件标题》（文号，日期）第三部分（四）第15项 https://…/policies/datong-gaozhiliang/s3-4-15/
 */
import { fragmentId } from '../lib/decode.ts';

let announcer: HTMLElement | null = null;

function announce(message: string): void {
  if (!announcer) {
    announcer = document.createElement('div');
    announcer.className = 'sr-only';
    announcer.dataset.copyStatus = '';
    announcer.setAttribute('role', 'status'); // a status is polite by itself
    document.body.append(announcer);
  }
  announcer.textContent = '';
  setTimeout(() => {
    if (announcer) announcer.textContent = message;
  }, 50);
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers or a denied permission: fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.readOnly = true;
    area.style.cssText = 'position:fixed;opacity:0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/**
 * The address to share for a clause: a numbered provision (its heading sits in
 * the .clause-head of a section.provision) has its own page,
 * /policies/<slug>/<anchor>/, which previews the clause in chat apps; a
 * paragraph or part heading is an anchor in the full text. The document's
 * path comes from the page (data-doc-path), so a provision page gives the same.
 */
export function clauseUrl(id: string): string {
  const doc = location.origin + document.querySelector<HTMLElement>('[data-doc-path]')!.dataset.docPath!;
  return document.getElementById(id)?.closest('section.provision > .clause-head') ? `${doc}${id}/` : `${doc}#${id}`;
}

/** 《标题》（文号，日期）第三部分（四）第15项 https://… (the prefix is written by the page: citationPrefix). */
export function citation(prefix: string, cite: string, url: string): string {
  return `${prefix}${cite} ${url}`;
}

/** The citation label of a permalink: aria-label="本条链接：第三部分（四）第15项". */
const citeOf = (link: HTMLAnchorElement) => (link.getAttribute('aria-label') ?? '').replace(/^本条链接：/, '');

let wired = false;
export function initClauseTools(): void {
  if (wired) return;
  wired = true;
  // One pair of buttons, moved to the provision in use.
  const make = (kind: string, label: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.copy = kind;
    return b;
  };
  const copyLink = make('link', '复制链接');
  const copyCite = make('cite', '复制引用');
  const attach = (tools: Element | null) => {
    if (!tools || tools.contains(copyLink)) return;
    const link = tools.querySelector<HTMLAnchorElement>('a.permalink');
    if (!link) return;
    const id = fragmentId(link.hash);
    copyLink.dataset.target = id;
    copyCite.dataset.target = id;
    copyCite.dataset.cite = citeOf(link);
    tools.append(copyLink, copyCite);
  };
  const toolsIn = (el: Element | null) =>
    el?.closest('.clause-head, .para')?.querySelector(':scope > .clause-tools, :scope > * > .clause-tools') ?? null;
  document.addEventListener('pointerover', (e) => attach(toolsIn(e.target as Element)));
  document.addEventListener('focusin', (e) => {
    if ((e.target as Element).matches('a.permalink')) attach((e.target as Element).parentElement);
  });
  const fromHash = () => {
    const target = location.hash && document.getElementById(fragmentId(location.hash));
    if (target)
      attach(
        target.matches('.para')
          ? target.querySelector('.clause-tools')
          : (target.parentElement?.querySelector(':scope > .clause-tools') ?? null),
      );
  };
  addEventListener('hashchange', fromHash);
  fromHash();
  document.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-copy]');
    if (!button) return;
    const id = button.dataset.target!;
    const url = clauseUrl(id);
    const prefix = document.querySelector<HTMLElement>('[data-cite-prefix]')!.dataset.citePrefix!;
    const text = button.dataset.copy === 'cite' ? citation(prefix, button.dataset.cite ?? '', url) : url;
    const ok = await copyText(text);
    const label = button.textContent;
    button.textContent = ok ? '已复制' : '复制失败';
    button.classList.add('copied');
    announce(ok ? (button.dataset.copy === 'cite' ? '引用已复制' : '链接已复制') : '复制失败，请手动复制地址栏链接');
    setTimeout(() => {
      button.textContent = label;
      button.classList.remove('copied');
    }, 2000);
  });
}
