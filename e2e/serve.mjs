// Static server for the built demo, with an optional strict CSP carrying a fresh nonce per page.
// Module: const { url, close } = await serveDemo({ port: 0, csp: { connect: ['http://127.0.0.1:8787'] } });
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * The policy issue #6 asks the demo to pass: nonce + strict-dynamic scripts, Trusted Types for
 * script sinks with only the library's and Angular's policies, plus the emulator as connect-src.
 */
export function strictCsp(
  nonce,
  { connect = [], scripts = 'strict-dynamic', trustedTypes = ['ngx-genesys-chat', 'angular'] } = {},
) {
  const ws = connect.map((origin) => origin.replace(/^http/, 'ws'));
  return [
    "default-src 'self'",
    // 'self-only' is the misconfiguration the fault tests need: an allow-list without the Genesys host.
    scripts === 'self-only' ? "script-src 'self'" : `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    `connect-src 'self' ${[...connect, ...ws].join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    // trustedTypes: ['angular'] is the misconfiguration that leaves out the library's policy.
    `trusted-types ${trustedTypes.join(' ')}`,
  ].join('; ');
}

/**
 * Containment by path segments: `root/../browser-private` is outside `root` even though its name
 * starts with the root's ("startsWith" would let it through).
 */
function inside(root, file) {
  const rel = relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export async function serveDemo({
  port = 4200,
  host = '127.0.0.1',
  root = 'dist/demo/browser',
  csp = null,
} = {}) {
  root = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return void res.writeHead(400).end();
      }
      if (pathname.includes('\0')) return void res.writeHead(400).end();
      let file = resolve(root, `.${pathname}`);
      if (!inside(root, file)) return void res.writeHead(403).end();
      if (
        !(await stat(file).then(
          (s) => s.isFile(),
          () => false,
        ))
      )
        file = join(root, 'index.html');
      let body = await readFile(file);
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      };
      if (extname(file) === '.html') {
        const nonce = randomBytes(16).toString('base64');
        body = Buffer.from(body.toString('utf8').replaceAll('__CSP_NONCE__', nonce));
        if (csp) headers['Content-Security-Policy'] = strictCsp(nonce, csp);
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    url: `http://${host}:${server.address().port}`,
    close: () =>
      new Promise((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}
