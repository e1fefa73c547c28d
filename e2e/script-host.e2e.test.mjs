// Script host pinning in Chromium: a link that names another script host in the demo's query
// string (/?emulator=https://apps.mypurecloud.ie.evil.test) loads nothing from that host, even
// with the strict CSP whose nonce would let any script run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openDemo } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

for (const evil of [
  'https://apps.mypurecloud.ie.evil.test',
  'http://127.0.0.1@evil.test',
  'https://evil.test/apps.mypurecloud.ie',
]) {
  test(`?emulator=${evil} requests nothing from another host`, async () => {
    const demo = await openDemo(browser, { csp: true, query: { emulator: evil } });
    const foreign = [];
    demo.page.on('request', (r) => {
      if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(r.url())) foreign.push(r.url());
    });
    try {
      await demo.chatButton('CRM-12345-XYZ').click();
      await demo.outcome('CRM-12345-XYZ').waitFor({ timeout: 20_000 });
      const scripts = await demo.page.$$eval('script[src]', (s) => s.map((e) => e.src));
      assert.ok(
        scripts.every((src) => new URL(src).hostname === '127.0.0.1'),
        scripts.join(', '),
      );
      assert.deepEqual(foreign, []);
    } finally {
      await demo.close();
    }
  });
}
