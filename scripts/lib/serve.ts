/**
 * A plain static file server for dist/, behaving like common static hosts:
 * directory indexes, /dir → /dir/ redirect, 404.html for missing pages,
 * and an optional base path (BASE=/sub/path/).
 *
 * The command is scripts/serve.ts (npm run serve); `npm start`, the
 * screenshots, Lighthouse and the browser tests start it through serve().
 *
 * It only ever listens on loopback, but any web page the reader opens can
 * still send it requests (an <img src="http://127.0.0.1:4321/%">), so a bad
 * request gets a 4xx, never a crash, and nothing outside `dir` is served.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { safeDecode } from '../../src/lib/decode.ts';
import { headerPolicy } from '../../src/lib/csp/policy.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  // Open data: shown in the browser as text (text/markdown is displayed, not downloaded).
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/**
 * Headers on every answer, as `_headers` gives them on a static host: no content
 * sniffing (a .txt of official text never runs as HTML), the pages' CSP (also
 * for Pagefind's worker, which a <meta> does not reach), the referrer policy.
 */
const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Content-Security-Policy': headerPolicy(),
};

export interface ServeOptions {
  dir?: string;
  base?: string;
  port?: number;
  host?: string;
}

/** Whether `file` is `root` or inside it: `dist-secret/x` is not inside `dist`. */
export function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
}

export function createHandler({ dir = 'dist', base = '/' }: Pick<ServeOptions, 'dir' | 'base'> = {}) {
  const root = resolve(dir);
  const prefix = `/${base.replace(/^\/|\/$/g, '')}/`.replace('//', '/');

  function send(
    res: ServerResponse,
    status: number,
    file: string | null,
    headers: Record<string, string> = {},
    head = false,
  ) {
    const type = file ? (TYPES[extname(file)] ?? 'application/octet-stream') : 'text/plain; charset=utf-8';
    if (!file || head) {
      res.writeHead(status, { ...COMMON, 'Content-Type': type, ...headers });
      return res.end(file ? undefined : String(status));
    }
    const stream = createReadStream(file);
    // Headers wait for the first read, so an unreadable file is an honest 500, not a 200 with nothing.
    stream.once('readable', () => {
      res.writeHead(status, { ...COMMON, 'Content-Type': type, ...headers });
      stream.pipe(res);
    });
    stream.once('error', (e) => {
      console.error(`serve: cannot read ${file}: ${(e as Error).message}`);
      if (!res.headersSent) {
        res.writeHead(500, { ...COMMON, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('500');
      } else res.destroy();
    });
  }

  function notFound(res: ServerResponse, head: boolean) {
    const page = join(root, '404.html');
    send(res, 404, existsSync(page) ? page : null, {}, head);
  }

  return function handle(req: IncomingMessage, res: ServerResponse) {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) return send(res, 405, null, { Allow: 'GET, HEAD' });
    const raw = req.url ?? '/';
    // A request target must be a path; "//host/x" would otherwise be read as a host by URL().
    if (!raw.startsWith('/')) return send(res, 400, null);
    const query = raw.indexOf('?');
    const rawPath = (query === -1 ? raw : raw.slice(0, query)).replace(/#.*$/, '');
    const search = query === -1 ? '' : raw.slice(query);
    let path = safeDecode(rawPath);
    if (path === null || path.includes('\0')) return send(res, 400, null);
    if (!path.startsWith(prefix) && path !== prefix.slice(0, -1)) return notFound(res, head);
    path = path === prefix.slice(0, -1) ? '' : path.slice(prefix.length);
    let file = resolve(join(root, path));
    if (!isInside(root, file)) return notFound(res, head);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!rawPath.endsWith('/')) {
        // Built from the resolved path, never from the raw one: "/.//evil.example" would
        // otherwise redirect to "//evil.example/", another site.
        const rel = relative(root, file).split(sep).map(encodeURIComponent).join('/');
        return send(res, 301, null, { Location: `${prefix}${rel ? `${rel}/` : ''}${search}` }, true);
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound(res, head);
    send(res, 200, file, {}, head);
  };
}

export function serve({
  dir = 'dist',
  base = '/',
  port = 4321,
  host = '127.0.0.1',
}: ServeOptions = {}): Promise<Server> {
  const server = createServer(createHandler({ dir, base }));
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok(server);
    });
  });
}

/** PORT / --port as a port number, or an error message saying what to write instead. */
export function parsePort(value: string | undefined, fallback = 4321): number | string {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < 0 || n > 65535)
    return `PORT=${JSON.stringify(value)} is not a port number: use a whole number from 1 to 65535, e.g. PORT=8080.`;
  return n;
}

/** serve() with the errors a reader can fix (port taken, no permission) told as one line with a hint. */
export async function serveOrExplain(options: ServeOptions): Promise<Server> {
  try {
    return await serve(options);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const port = options.port ?? 4321;
    if (err.code === 'EADDRINUSE')
      console.error(
        `serve: port ${port} is already in use (another \`npm start\`?). Stop that program or choose another port: PORT=${port + 1} npm start`,
      );
    else if (err.code === 'EACCES')
      console.error(`serve: no permission to listen on port ${port}. Choose a port above 1023: PORT=4321 npm start`);
    else console.error(`serve: cannot listen on ${options.host ?? '127.0.0.1'}:${port}: ${err.message}`);
    process.exit(1);
  }
}
