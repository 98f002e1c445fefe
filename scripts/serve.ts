/**
 * A plain static file server for dist/, behaving like common static hosts:
 * directory indexes, /dir → /dir/ redirect, 404.html for missing pages,
 * and an optional base path (BASE=/sub/path/).
 *
 *   node scripts/serve.ts [--port 4321] [--base /sub/path/] [--dir dist]
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface ServeOptions { dir?: string; base?: string; port?: number; host?: string }

export function serve({ dir = 'dist', base = '/', port = 4321, host = '127.0.0.1' }: ServeOptions = {}): Promise<Server> {
  const root = resolve(dir);
  const prefix = `/${base.replace(/^\/|\/$/g, '')}/`.replace('//', '/');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix) && path !== prefix.slice(0, -1)) return notFound(res);
    path = path === prefix.slice(0, -1) ? '' : path.slice(prefix.length);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return notFound(res);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound(res);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  function notFound(res: import('node:http').ServerResponse) {
    const page = join(root, '404.html');
    res.writeHead(404, { 'Content-Type': TYPES['.html'] });
    if (existsSync(page)) createReadStream(page).pipe(res);
    else res.end('404');
  }
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > -1 ? process.argv[i + 1] : undefined;
  };
  const port = Number(arg('port') ?? process.env.PORT ?? 4321);
  const base = arg('base') ?? process.env.BASE ?? '/';
  const dir = arg('dir') ?? 'dist';
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`serve: ${dir}/index.html not found — run \`npm run build\` first.`);
    process.exit(1);
  }
  await serve({ dir, base, port });
  console.log(`医改政策注释库: http://127.0.0.1:${port}${base.startsWith('/') ? base : `/${base}`}`);
}
