// genesys-chat-verify, end to end: a real chat in Chromium against the emulator, then the CLI
// (on the official Platform API client) checks the conversation through the emulator's
// Conversations API and OAuth stand-ins.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { launchBrowser, openDemo } from './harness.mjs';

const CLI = resolve(import.meta.dirname, '../dist/genesys-chat-verify/cli.js');
const SECRET = 'emulator-secret';

function verify(args, secret = SECRET) {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        env: {
          ...process.env,
          GENESYS_CLIENT_ID: 'emulator-client',
          GENESYS_CLIENT_SECRET: secret,
        },
      },
      (error, stdout, stderr) => done({ code: error ? error.code : 0, output: stdout + stderr }),
    );
  });
}

let browser;
let demo;
let conversationId;
before(async () => {
  browser = await launchBrowser();
  demo = await openDemo(browser);
  await demo.chatButton('CRM-12345-XYZ').click();
  await demo.page.getByTestId('status').filter({ hasText: 'open' }).waitFor({ timeout: 10_000 });
  const input = demo.page.getByRole('textbox', { name: 'Type a message' });
  await input.fill('hello');
  await input.press('Enter');
  await demo.page.getByTestId('queue').waitFor({ timeout: 10_000 });
  [{ id: conversationId }] = demo.emulator.conversations();
});
after(async () => {
  await demo?.close();
  await browser?.close();
});

test('exit 0 and a table of expected against actual, with the routing queue, when the attributes match', async () => {
  const { code, output } = await verify([
    '--conversation',
    conversationId,
    '--expect',
    'crmCustomerId=CRM-12345-XYZ',
    '--expect',
    'customerTier=premium',
    '--base-url',
    demo.emulator.url,
  ]);
  assert.equal(code, 0, output);
  assert.match(output, /crmCustomerId\s+CRM-12345-XYZ\s+CRM-12345-XYZ\s+ok/);
  assert.match(output, /customerTier\s+premium\s+premium\s+ok/);
  assert.match(output, /routing queue: Premium Support/);
});

test('exit 1 on a mismatch, naming the attribute', async () => {
  const { code, output } = await verify([
    '--conversation',
    conversationId,
    '--expect',
    'customerTier=standard',
    '--base-url',
    demo.emulator.url,
  ]);
  assert.equal(code, 1, output);
  assert.match(output, /customerTier\s+standard\s+premium\s+MISMATCH/);
});

test('exit 2 with a clear message on bad credentials, and the secret is never printed', async () => {
  const secret = 'not-the-secret-4711';
  const { code, output } = await verify(
    ['--conversation', conversationId, '--expect', 'a=b', '--base-url', demo.emulator.url],
    secret,
  );
  assert.equal(code, 2);
  assert.match(output, /HTTP 401.*GENESYS_CLIENT_SECRET/);
  assert.doesNotMatch(output, new RegExp(secret));
});

test('exit 2 for an unknown conversation, and for an unreachable API', async () => {
  const missing = await verify([
    '--conversation',
    'no-such-conversation',
    '--expect',
    'a=b',
    '--base-url',
    demo.emulator.url,
  ]);
  assert.equal(missing.code, 2);
  assert.match(missing.output, /not found/);
  const down = await verify([
    '--conversation',
    conversationId,
    '--expect',
    'a=b',
    '--base-url',
    'http://127.0.0.1:9',
  ]);
  assert.equal(down.code, 2);
  assert.match(down.output, /ECONNREFUSED|network/);
  for (const { output } of [missing, down]) assert.doesNotMatch(output, new RegExp(SECRET));
});

test('exit 2 with the usage for missing arguments', async () => {
  const { code, output } = await verify(['--conversation', conversationId]);
  assert.equal(code, 2);
  assert.match(output, /at least one --expect is required/);
});
