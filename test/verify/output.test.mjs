// What the verifier prints: server data and attribute values have their control characters
// escaped (a guest cannot forge a "match" line), and no token or secret is ever printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLIENT_ID, SECRET, TOKEN, argsFor, runCli, startFakeGenesys } from './helpers.mjs';

const BASIC = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');
// C0, DEL, C1 (CSI), line/paragraph separators, bidi embeddings/overrides/isolates and marks.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const FORGED = 'all expected attributes match';

/** No line of the output carries a raw control or bidi character (the newlines between lines are the CLI's own). */
function assertSafe(output) {
  for (const line of output.split('\n')) assert.doesNotMatch(line, UNSAFE, JSON.stringify(line));
}

async function withServer(routes, fn) {
  const fake = await startFakeGenesys({ routes });
  try {
    return await fn(fake);
  } finally {
    await fake.close();
  }
}

function conversationWith(attributes, acd = { purpose: 'acd', queueName: 'Q' }) {
  return () => [200, { id: 'conv-1', participants: [{ purpose: 'customer', attributes }, acd] }];
}

test('a guest attribute with ESC/CR/LF cannot forge an "all expected attributes match" line', async () => {
  const forged = `premium\r\u001b[2K\u001b[1A${FORGED}\n${FORGED}\u009b2K\u202e`;
  await withServer({ conversation: conversationWith({ customerTier: forged }) }, async (fake) => {
    const run = await runCli(
      argsFor(['--base-url', fake.url], { expect: ['customerTier=premium'] }),
    );
    assert.equal(run.code, 1, run.output);
    assertSafe(run.output);
    for (const line of run.output.split('\n')) assert.notEqual(line.trim(), FORGED);
    assert.match(
      run.stdout,
      /customerTier\s+premium\s+premium\\r\\x1b\[2K\\x1b\[1Aall expected attributes match\\nall expected attributes match\\x9b2K\\u\{202e\}\s+MISMATCH/,
    );
    assert.match(
      run.stdout,
      /^MISMATCH: the conversation does not carry the expected attributes$/m,
    );
  });
});

test('queue names, keys and expected values from the command line are escaped as well', async () => {
  const acd = { purpose: 'acd', queueName: `Sales\n${FORGED}` };
  await withServer(
    { conversation: conversationWith({ 'k\u001b]0;x\u0007': 'v' }, acd) },
    async (fake) => {
      const run = await runCli(
        argsFor(['--base-url', fake.url], { expect: ['k\u001b]0;x\u0007=v', 'tier=\u202egold'] }),
      );
      assert.equal(run.code, 1, run.output);
      assertSafe(run.output);
      assert.match(run.stdout, /routing queue: Sales\\nall expected attributes match$/m);
      assert.match(run.stdout, /k\\x1b\]0;x\\x07\s+v\s+v\s+ok/);
      assert.match(run.stdout, /tier\s+\\u\{202e\}gold\s+\(missing\)\s+MISMATCH/);
    },
  );
});

test('an escaped value is unambiguous: a literal backslash is doubled', async () => {
  await withServer({ conversation: conversationWith({ a: 'x\\ny' }) }, async (fake) => {
    const run = await runCli(argsFor(['--base-url', fake.url], { expect: ['a=x\\ny'] }));
    assert.equal(run.code, 0, run.output);
    assert.match(run.stdout, /a\s+x\\\\ny\s+x\\\\ny\s+ok/);
  });
});

test('an echoing server cannot make it print the bearer token, in an error message', async () => {
  const echo = (req) => [
    502,
    {
      message: `upstream rejected Authorization: ${req.headers.authorization} (${TOKEN})\u001b[31m`,
    },
  ];
  await withServer({ conversation: echo }, async (fake) => {
    const run = await runCli(argsFor(['--base-url', fake.url]));
    assert.equal(run.code, 2, run.output);
    assert.doesNotMatch(run.output, new RegExp(`${TOKEN}|verify-bearer`));
    assertSafe(run.output);
    assert.match(run.stderr, /HTTP 502/);
  });
});

test('a token that straddles the 300-character cut of a server message is not half printed', async () => {
  // Redaction runs before the message is cut, so no prefix of the token survives (found in review).
  const echo = () => [502, { message: `${'x'.repeat(290)} ${TOKEN}` }];
  await withServer({ conversation: echo }, async (fake) => {
    const run = await runCli(argsFor(['--base-url', fake.url]));
    assert.equal(run.code, 2, run.output);
    assert.doesNotMatch(run.output, new RegExp(TOKEN.slice(0, 8)));
  });
});

test('an echoing server cannot make it print the token or the Basic credentials in the table', async () => {
  const echo = (req) => [
    200,
    {
      id: 'conv-1',
      participants: [
        {
          purpose: 'customer',
          attributes: { crmCustomerId: 'CRM-1', seen: req.headers.authorization, raw: TOKEN },
        },
        { purpose: 'acd', queueName: `token ${TOKEN}` },
      ],
    },
  ];
  await withServer({ conversation: echo }, async (fake) => {
    const run = await runCli(
      argsFor(['--base-url', fake.url], { expect: ['crmCustomerId=CRM-1', 'seen=x', 'raw=y'] }),
    );
    assert.equal(run.code, 1, run.output);
    assert.doesNotMatch(run.output, new RegExp(`${TOKEN}|verify-bearer`));
    assert.match(run.stdout, /seen\s+x\s+Bearer \*\*\*\s+MISMATCH/);
  });
});

test('a failed login never prints the secret or the Basic credentials the server echoes', async () => {
  const echo = (req) => [
    500,
    { error: 'server_error', message: `bad ${req.headers.authorization} ${SECRET}` },
  ];
  await withServer({ token: echo }, async (fake) => {
    const run = await runCli(argsFor(['--base-url', fake.url]));
    assert.equal(run.code, 2, run.output);
    assert.doesNotMatch(run.output, new RegExp(`${SECRET}|${BASIC}`));
    assert.match(run.stderr, /HTTP 500/);
  });
});

test('a conversation id with control characters is escaped in the error message', async () => {
  await withServer({}, async (fake) => {
    const run = await runCli(
      argsFor(['--base-url', fake.url], { conversation: `nope\n${FORGED}` }),
    );
    assert.equal(run.code, 2, run.output);
    assertSafe(run.output);
    // One message, one line: the id's LF is shown as \n and cannot start a line of its own.
    assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /conversation nope\\nall expected attributes match: not found/);
  });
});

test('an unknown option is echoed escaped', async () => {
  const run = await runCli(['--\u001b[2Jx', 'y']);
  assert.equal(run.code, 2);
  assertSafe(run.output);
});

test('a malformed --expect is a usage error that does not echo the value (it may be customer data)', async () => {
  const run = await runCli(argsFor(['--region', 'eu-west-1'], { expect: ['CRM-4711-private'] }));
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--expect takes key=value/);
  assert.doesNotMatch(run.output, /CRM-4711-private/);
  assert.deepEqual(run.blocked, []);
});
