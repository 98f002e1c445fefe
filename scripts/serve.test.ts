/** The local server under requests any web page could send it, and the errors a reader starting it can meet. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parsePort, serve } from './lib/serve.ts';

const tmp = mkdtempSync(join(tmpdir(), 'serve-'));
const dir = join(tmp, 'dist');
mkdirSync(join(dir, 'policies', 'a'), { recursive: true });
mkdirSync(join(dir, 'data'));
mkdirSync(join(tmp, 'dist-secret'));
writeFileSync(join(dir, 'index.html'), '<p>home</p>');
writeFileSync(join(dir, '404.html'), '<p>not found</p>');
writeFileSync(join(dir, 'policies', 'a', 'index.html'), '<p>a</p>');
writeFileSync(join(dir, 'data', 'a.md'), '# 甲\n');
writeFileSync(join(dir, 'empty.txt'), '');
writeFileSync(join(tmp, 'dist-secret', 'x'), 'secret');
// A file that opens but cannot be read (EIO on the first read).
symlinkSync('/proc/self/mem', join(dir, 'unreadable.txt'));

let server: Server;
let port: number;
beforeAll(async () => {
  server = await serve({ dir, port: 0 });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((ok) => server.close(ok)));

/** A raw request (the path is sent as written, unlike fetch(), which normalizes it). */
function get(
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('hostile requests get an answer and the server keeps running', () => {
  test.each(['/%', '/%E4', '/policies/%zz', '/a%'])('a malformed percent-escape in %s is a 400', async (path) => {
    expect((await get(path)).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  test('nothing outside the folder is served, also not a sibling whose name starts the same', async () => {
    for (const path of ['/..%2fdist-secret/x', '/../dist-secret/x', '/%2e%2e/dist-secret/x']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('secret');
    }
  });

  test.each(['POST', 'DELETE', 'PUT', 'PATCH'])('%s is refused with 405 and Allow', async (method) => {
    const res = await get('/', method);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.body).not.toContain('home');
  });

  test('HEAD answers like GET without a body', async () => {
    const res = await get('/', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toBe('');
  });

  test('a directory redirect never leaves the site', async () => {
    for (const path of ['/.//policies', '//policies', '/policies', '/.//policies/a']) {
      const res = await get(path);
      if (res.status === 301) expect(res.headers.location, path).toMatch(/^\/(?!\/)/);
    }
    expect((await get('/.//policies')).headers.location).toBe('/policies/');
    expect((await get('/policies/a?x=1')).headers.location).toBe('/policies/a/?x=1');
  });

  test('Markdown is displayed as UTF-8 text, and no answer is sniffed', async () => {
    const md = await get('/data/a.md');
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toBe('# 甲\n');
    for (const path of ['/', '/data/a.md', '/missing', '/%'])
      expect((await get(path)).headers['x-content-type-options'], path).toBe('nosniff');
  });

  test('an empty file is a 200 with no body', async () => {
    const res = await get('/empty.txt');
    expect([res.status, res.body]).toEqual([200, '']);
  });

  test('a file that cannot be read is a 500, and the server keeps running', async () => {
    const res = await get('/unreadable.txt');
    expect(res.status).toBe(500);
    expect((await get('/')).status).toBe(200);
  });
});

// Each test starts a Node process: allow for a loaded machine.
describe('starting the server', { timeout: 30_000 }, () => {
  const run = (env: Record<string, string>, args: string[] = []) =>
    spawnSync(process.execPath, ['scripts/serve.ts', '--dir', dir, ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  test('a port in use prints one line with a hint, not a stack', () => {
    const out = run({}, ['--port', String(port)]);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(`port ${port} is already in use`);
    expect(out.stderr).toContain(`PORT=${port + 1} npm start`);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  test.each(['abc', '99999', '-1', '80.5'])('PORT=%s prints what to write instead', (value) => {
    const out = run({ PORT: value });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('is not a port number');
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  test('parsePort', () => {
    expect(parsePort(undefined)).toBe(4321);
    expect(parsePort('8080')).toBe(8080);
    expect(parsePort(' 8080')).toMatch(/not a port/);
  });
});
