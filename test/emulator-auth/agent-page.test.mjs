// The agent page in Chromium shows the verified identity beside the claimed attributes, flags a
// forged id, and says plainly when a conversation is not authenticated.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launchBrowser } from '../../e2e/harness.mjs';
import {
  AUTH_DEP,
  OPEN_DEP,
  PREMIUM,
  STANDARD,
  configureAnonymous,
  configureAuthenticated,
  guest,
  signInAndExchange,
  startAuthEmulator,
  text,
} from './wiring-helpers.mjs';

let emulator, browser;
const sockets = [];
const original = console.log;
before(async () => {
  console.log = () => undefined;
  emulator = await startAuthEmulator();
  browser = await launchBrowser();
});
after(async () => {
  for (const s of sockets) s.close();
  await browser?.close();
  await emulator?.close();
  console.log = original;
});

test('verified identity, mismatch flag and "not authenticated" on the agent page', async () => {
  const { jwt } = await signInAndExchange(emulator, STANDARD.sub);
  const forger = await guest(emulator, AUTH_DEP);
  sockets.push(forger);
  const token = randomUUID();
  await forger.request(configureAuthenticated(token, jwt));
  await forger.request(text(token, 'forged on the agent page', { crmCustomerId: PREMIUM.crm }));
  const anonymous = await guest(emulator, OPEN_DEP);
  sockets.push(anonymous);
  const anon = randomUUID();
  await anonymous.request(configureAnonymous(anon, OPEN_DEP));
  await anonymous.request(
    text(anon, 'anonymous on the agent page', { crmCustomerId: PREMIUM.crm }),
  );

  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${emulator.url}/emulator/`);
  const forged = page.locator('article.conversation', { hasText: 'forged on the agent page' });
  await forged.waitFor({ timeout: 5000 });
  assert.equal(
    await forged.locator('.verified').textContent(),
    `Subject ${STANDARD.sub}, external id ${STANDARD.crm} - the claimed id does not match the verified one`,
  );
  assert.match(await forged.locator('.queue').textContent(), /Identity Check/);
  const plain = page.locator('article.conversation', { hasText: 'anonymous on the agent page' });
  assert.match(await plain.locator('.unverified').textContent(), /Not authenticated/);
  assert.deepEqual(errors, []);
  await page.close();
});
