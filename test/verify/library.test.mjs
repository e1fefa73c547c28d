// The verifier used from code (require('genesys-chat-verify')): the same host rules as the CLI,
// and an escaping that is complete (no raw control or bidi character survives) and reversible
// (two different values never print the same).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { CLIENT_ID, SECRET, TOKEN, startFakeGenesys } from './helpers.mjs';

const require = createRequire(import.meta.url);
require('./fixtures/loopback-only.cjs'); // in this process too: nothing may leave the machine
const verify = require('../../dist/genesys-chat-verify/index.js');

const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** The inverse of escapeControl, written from its documented format. */
function unescape(text) {
  return text.replace(/\\(?:x([0-9a-f]{2})|u\{([0-9a-f]+)\}|([nrt\\]))/g, (_, hex, cp, named) =>
    hex
      ? String.fromCharCode(parseInt(hex, 16))
      : cp
        ? String.fromCodePoint(parseInt(cp, 16))
        : { n: '\n', r: '\r', t: '\t', '\\': '\\' }[named],
  );
}

test('escapeControl leaves no control or bidi character, and can be read back exactly', () => {
  const risky = fc.constantFrom(
    ...'\u0000\u0007\b\t\n\r\u001b\u007f\u0080\u009b\u009f\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069\\x{}',
  );
  const value = fc.array(fc.oneof(risky, fc.string({ unit: 'binary' })), { maxLength: 12 });
  fc.assert(
    fc.property(value, (parts) => {
      const raw = parts.join('');
      const shown = verify.escapeControl(raw);
      assert.doesNotMatch(shown, UNSAFE);
      assert.equal(unescape(shown), raw);
    }),
    { numRuns: 2000 },
  );
  assert.equal(verify.escapeControl('plain text, é, 日本'), 'plain text, é, 日本');
});

test('verifyConversation refuses a foreign host with a usage VerifyError, and sends nothing', async () => {
  const fake = await startFakeGenesys();
  try {
    for (const baseUrl of [
      `http://api.mypurecloud.com@127.0.0.1:${fake.port}`,
      'https://api.mypurecloud.ie.evil.test',
    ]) {
      await assert.rejects(
        verify.verifyConversation({
          conversationId: 'conv-1',
          expect: { a: 'b' },
          target: { baseUrl },
          clientId: CLIENT_ID,
          clientSecret: SECRET,
        }),
        (error) => error instanceof verify.VerifyError && error.kind === 'usage',
      );
    }
    await assert.rejects(
      verify.verifyConversation({
        conversationId: 'conv-1',
        expect: { a: 'b' },
        target: { region: '__proto__' },
        clientId: CLIENT_ID,
        clientSecret: SECRET,
      }),
      {
        name: 'VerifyError',
        kind: 'usage',
        message: /Unknown region "__proto__"\. Valid regions: /,
      },
    );
    assert.equal(fake.requests.length, 0);
  } finally {
    await fake.close();
  }
});

test('the result redacts a token the server echoes into an attribute or the queue', async () => {
  const fake = await startFakeGenesys({
    routes: {
      conversation: () => [
        200,
        {
          participants: [
            { purpose: 'customer', attributes: { k: `x ${TOKEN}`, n: 7 } },
            { purpose: 'acd', queueName: TOKEN },
          ],
        },
      ],
    },
  });
  try {
    const result = await verify.verifyConversation({
      conversationId: 'conv-1',
      expect: { k: 'x', n: '7' },
      target: { baseUrl: fake.url },
      clientId: CLIENT_ID,
      clientSecret: SECRET,
    });
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.rows.map((r) => [r.key, r.actual, r.ok]),
      [
        ['k', 'x ***', false],
        ['n', '7', false], // a number is not the string "7": the wire type is string
      ],
    );
    assert.equal(result.queue, '***');
  } finally {
    await fake.close();
  }
});

test('resolveTarget keeps a loopback path and maps an API host to its region', () => {
  assert.deepEqual(verify.resolveTarget({ baseUrl: 'http://localhost:8787/a/b/' }), {
    kind: 'gateway',
    protocol: 'http',
    host: 'localhost',
    port: 8787,
    path: '/a/b',
    dangerous: false,
  });
  assert.deepEqual(verify.resolveTarget({ baseUrl: 'HTTPS://API.MYPURECLOUD.DE' }), {
    kind: 'region',
    region: 'eu-central-1',
    domain: 'mypurecloud.de',
  });
});
