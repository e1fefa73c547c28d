// Shared set-up for the verifier's tests: a fake Genesys (OAuth + Conversations API) on a loopback
// port, and a way to run the built CLI in a child process whose network is loopback-only and whose
// HOME is a fresh, empty temporary directory (so no real ~/.genesyscloudjavascript/config is read).
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
export const CLI = resolve(root, 'dist/genesys-chat-verify/cli.js');
export const GUARD = resolve(import.meta.dirname, 'fixtures/loopback-only.cjs');
export const CLIENT_ID = 'verify-test-client';
export const SECRET = 'verify-test-secret-7f3a';
export const TOKEN = 'tok.eyJhbGciOi.verify-bearer-91c2';

export const CONVERSATION = {
  id: 'conv-1',
  participants: [
    { purpose: 'customer', attributes: { crmCustomerId: 'CRM-1', customerTier: 'premium' } },
    { purpose: 'acd', queueName: 'Premium Support', queueId: 'q-1' },
  ],
};

/**
 * A stand-in for Genesys on a loopback address (127.0.0.1 unless `host` says otherwise: 127.0.0.2, ::1). `routes` may override a response:
 * `{ token?: (req) => [status, body], conversation?: (req, id) => [status, body] }`.
 * Every request is recorded (method, path, authorization) in `requests`.
 */
export async function startFakeGenesys({ prefix = '', routes = {}, host = '127.0.0.1' } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push({
        method: req.method,
        path: req.url,
        authorization: req.headers.authorization,
        body,
      });
      const send = ([status, payload]) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
      };
      const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64')}`;
      if (req.method === 'POST' && req.url === `${prefix}/oauth/token`) {
        if (routes.token) return send(routes.token(req));
        if (req.headers.authorization !== basic) return send([401, { error: 'invalid_client' }]);
        return send([200, { access_token: TOKEN, token_type: 'bearer', expires_in: 86400 }]);
      }
      const match = req.url.match(new RegExp(`^${prefix}/api/v2/conversations/([^/?]+)$`));
      if (req.method === 'GET' && match) {
        if (req.headers.authorization !== `Bearer ${TOKEN}`) return send([401, { status: 401 }]);
        const id = decodeURIComponent(match[1]);
        if (routes.conversation) return send(routes.conversation(req, id));
        if (id !== CONVERSATION.id) return send([404, { status: 404, message: 'not found' }]);
        return send([200, CONVERSATION]);
      }
      send([404, { status: 404 }]);
    });
  });
  await new Promise((done) => server.listen(0, host, done));
  const { port } = server.address();
  return {
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${prefix}`,
    requests,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** A fresh, empty directory to use as HOME; removed by `cleanup()`. */
export function tempHome() {
  const dir = mkdtempSync(join(tmpdir(), 'verify-home-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs the built CLI with the loopback-only guard preloaded. `blocked` lists the non-loopback
 * host:port pairs it tried to connect to (refused locally, nothing left the machine).
 */
export async function runCli(args, { home, env = {}, secret = SECRET } = {}) {
  const own = home ? null : tempHome();
  const dir = home ?? own.dir;
  try {
    return await new Promise((done) => {
      execFile(
        process.execPath,
        ['--require', GUARD, CLI, ...args],
        {
          env: {
            PATH: process.env.PATH,
            HOME: dir,
            USERPROFILE: dir,
            GENESYS_CLIENT_ID: CLIENT_ID,
            GENESYS_CLIENT_SECRET: secret,
            ...env,
          },
          timeout: 30_000,
        },
        (error, stdout, stderr) => {
          const blocked = [...stderr.matchAll(/^blocked-connect (.+)$/gm)].map((m) => m[1]);
          const cleanErr = stderr.replace(/^blocked-connect .+\n/gm, '');
          done({
            code: error ? error.code : 0,
            stdout,
            stderr: cleanErr,
            output: stdout + cleanErr,
            blocked,
          });
        },
      );
    });
  } finally {
    own?.cleanup();
  }
}

/** The arguments every run needs, plus the target. */
export function argsFor(
  target,
  { conversation = CONVERSATION.id, expect = ['crmCustomerId=CRM-1'] } = {},
) {
  return ['--conversation', conversation, ...expect.flatMap((e) => ['--expect', e]), ...target];
}
