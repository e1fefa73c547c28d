// The verifier sends the client credentials only to a Genesys Cloud API host (https) or to a
// loopback emulator; anything else is a usage error before any connection is attempted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SECRET, argsFor, runCli, startFakeGenesys } from './helpers.mjs';

let fake;
before(async () => (fake = await startFakeGenesys()));
after(() => fake.close());

/** A refusal: exit 2, the rule in the message, nothing sent anywhere, no secret echoed. */
async function assertRefused(args, rule) {
  const before = fake.requests.length;
  const run = await runCli(args);
  assert.equal(run.code, 2, run.output);
  assert.match(run.stderr, rule);
  assert.deepEqual(run.blocked, [], `tried to connect to ${run.blocked}`);
  assert.equal(fake.requests.length, before, 'a request reached the loopback server');
  assert.doesNotMatch(run.output, new RegExp(SECRET));
  assert.doesNotMatch(run.output, /Unexpected failure/);
  return run;
}

const HOST_RULE = /--base-url must be https:\/\/api\.<region domain>.*or a loopback URL/s;

describe('--base-url refusals (usage error, nothing sent)', () => {
  for (const url of [
    'http://api.mypurecloud.com.evil.test',
    'https://api.mypurecloud.com.evil.test',
    'https://api.mypurecloud.ie.evil.test/',
    'https://evil.test',
    'https://127.0.0.1.evil.test',
    'https://api.mypurecloud.ie./',
    'https://login.mypurecloud.ie',
    'https://evil.test\\@api.mypurecloud.ie',
  ]) {
    test(`look-alike or foreign host: ${url}`, () =>
      assertRefused(argsFor(['--base-url', url]), HOST_RULE));
  }

  for (const url of [
    'http://api.mypurecloud.com@evil.test',
    'https://api.mypurecloud.ie@evil.test',
    'https://user:pw-4711@api.mypurecloud.ie',
  ]) {
    test(`userinfo: ${url}`, async () => {
      const run = await assertRefused(
        argsFor(['--base-url', url]),
        /must not contain a user name or password/,
      );
      assert.doesNotMatch(run.output, /pw-4711/);
    });
  }

  test('http to a Genesys host', () =>
    assertRefused(
      argsFor(['--base-url', 'http://api.mypurecloud.ie']),
      /http:\/\/ only for a loopback/,
    ));

  test('a Genesys host on another port, or with a path, query or fragment', async () => {
    await assertRefused(argsFor(['--base-url', 'https://api.mypurecloud.ie:8443']), /port/);
    await assertRefused(argsFor(['--base-url', 'https://api.mypurecloud.ie/proxy']), /path/);
    await assertRefused(argsFor(['--base-url', 'https://api.mypurecloud.ie/?x=1']), /query/);
    await assertRefused(
      argsFor(['--base-url', 'https://api.mypurecloud.ie/#@evil.test']),
      /fragment/,
    );
  });

  test('not a URL, or not http(s)', async () => {
    await assertRefused(argsFor(['--base-url', 'api.mypurecloud.ie']), /not a URL/);
    await assertRefused(argsFor(['--base-url', 'ftp://127.0.0.1/']), /https:\/\//);
    await assertRefused(argsFor(['--base-url', 'file:///etc/passwd']), /https:\/\//);
  });

  test('--dangerously-allow-host does not allow http, another host, or a malformed name', async () => {
    await assertRefused(
      argsFor(['--base-url', 'http://evil.test', '--dangerously-allow-host', 'evil.test']),
      /http:\/\/ only for a loopback/,
    );
    await assertRefused(
      argsFor(['--base-url', 'https://other.test', '--dangerously-allow-host', 'evil.test']),
      HOST_RULE,
    );
    for (const bad of ['https://evil.test', 'evil.test:443', 'user@evil.test', 'evil.test/x', ''])
      await assertRefused(
        argsFor(['--base-url', 'https://evil.test', '--dangerously-allow-host', bad]),
        /--dangerously-allow-host takes a bare host name/,
      );
    await assertRefused(
      argsFor(['--region', 'eu-west-1', '--dangerously-allow-host', 'evil.test']),
      /only with --base-url/,
    );
  });
});

describe('--base-url acceptances', () => {
  test('https://api.<region domain> goes to that region over https', async () => {
    const run = await runCli(argsFor(['--base-url', 'https://api.mypurecloud.ie/']));
    assert.equal(run.code, 2, run.output); // the guard refuses the connection: nothing leaves the machine
    assert.deepEqual(run.blocked, ['login.mypurecloud.ie:443']);
  });

  test('a host named with --dangerously-allow-host is used over https, with a warning', async () => {
    const run = await runCli(
      argsFor([
        '--base-url',
        'https://gateway.example.test/genesys',
        '--dangerously-allow-host',
        'gateway.example.test',
      ]),
    );
    assert.deepEqual(run.blocked, ['gateway.example.test:443']);
    assert.match(run.stderr, /warning: .*gateway\.example\.test.*not a Genesys Cloud host/);
  });

  for (const [listen, name] of [
    ['127.0.0.1', '127.0.0.1'],
    ['127.0.0.2', '127.0.0.2'],
    ['127.0.0.1', 'localhost'],
    ['::1', '[::1]'],
    ['127.0.0.1', '0x7f.1'],
  ]) {
    test(`loopback emulator at http://${name}`, async () => {
      const server = listen === '127.0.0.1' ? fake : await startFakeGenesys({ host: listen });
      try {
        const run = await runCli(argsFor(['--base-url', `http://${name}:${server.port}`]));
        assert.equal(run.code, 0, run.output);
        assert.match(run.stdout, /crmCustomerId\s+CRM-1\s+CRM-1\s+ok/);
        assert.deepEqual(run.blocked, []);
      } finally {
        if (server !== fake) await server.close();
      }
    });
  }

  test('the help text names --dangerously-allow-host and calls it dangerous', async () => {
    const run = await runCli(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /--dangerously-allow-host <host>[\s\S]*DANGEROUS/);
    assert.match(run.stdout, /loopback/);
  });
});

describe('a --base-url path is kept', () => {
  let prefixed;
  before(async () => (prefixed = await startFakeGenesys({ prefix: '/genesys' })));
  after(() => prefixed.close());

  for (const suffix of ['', '/']) {
    test(`login and API requests go under the path (${prefixed?.url ?? 'http://127.0.0.1:<port>/genesys'}${suffix})`, async () => {
      const from = prefixed.requests.length;
      const run = await runCli(argsFor(['--base-url', `${prefixed.url}${suffix}`]));
      assert.equal(run.code, 0, run.output);
      assert.deepEqual(
        prefixed.requests.slice(from).map((r) => `${r.method} ${r.path}`),
        ['POST /genesys/oauth/token', 'GET /genesys/api/v2/conversations/conv-1'],
      );
    });
  }
});
