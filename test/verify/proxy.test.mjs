// Through an HTTPS proxy (HTTPS_PROXY): the request is a CONNECT tunnel to the Genesys host, so the
// proxy never sees the credentials; and a proxy that hangs up is a failure (exit 2), never a pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { CLIENT_ID, SECRET, argsFor, runCli } from './helpers.mjs';

test('a proxy gets a CONNECT to login.<domain>:443 and no credentials; its hang-up exits 2', async () => {
  const seen = [];
  const proxy = createServer((socket) =>
    socket.once('data', (data) => {
      seen.push(data.toString('latin1'));
      socket.destroy(); // hang up without an answer
    }),
  );
  await new Promise((done) => proxy.listen(0, '127.0.0.1', done));
  try {
    const run = await runCli(argsFor(['--region', 'eu-west-1']), {
      env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.address().port}` },
    });
    assert.equal(run.code, 2, run.output);
    assert.match(run.stderr, /closed without an answer|socket hang up|ECONNRESET/);
    assert.doesNotMatch(run.stdout, /all expected attributes match/);
    assert.equal(seen.length, 1);
    assert.match(seen[0], /^CONNECT login\.mypurecloud\.ie:443 /);
    const basic = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');
    assert.doesNotMatch(seen[0], new RegExp(`${SECRET}|${basic}|authorization`, 'i'));
  } finally {
    await new Promise((done) => proxy.close(done));
  }
});
