// Browser benchmarks 2 (nothing before it is needed) and 3 (click to open); bootstrap.mjs, scale.mjs
// and leaks.mjs hold the others. Each returns result rows { name, figure, unit, target, met, details }.
import { open } from './page.mjs';
import { median, round } from './stats.mjs';

// ---- 2. Nothing before it is needed -------------------------------------------------------------

export async function nothingBeforeNeeded(browser, { demoUrl, emulatorUrl, quick }) {
  const rows = [];
  const waitMs = quick ? 1500 : 4000;
  for (const load of ['interaction', 'idle']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests = [];
    let interacted = false;
    page.on('response', async (response) => {
      if (!response.url().startsWith(emulatorUrl)) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      requests.push({
        url: response.url().slice(emulatorUrl.length),
        bytes: body.length,
        beforeInteraction: !interacted,
      });
    });
    await page.goto(`${demoUrl}/?${new URLSearchParams({ emulator: emulatorUrl, load })}`, {
      waitUntil: 'load',
    });
    await page.waitForTimeout(waitMs);
    const timing = await page.evaluate((emu) => {
      const nav = performance.getEntriesByType('navigation')[0];
      const first = performance.getEntriesByType('resource').find((e) => e.name.startsWith(emu));
      return {
        loadEventEnd: nav.loadEventEnd,
        firstGenesysRequest: first ? first.startTime : null,
      };
    }, emulatorUrl);
    const before = requests.filter((r) => r.beforeInteraction);
    const bytes = before.reduce((n, r) => n + r.bytes, 0);
    interacted = true;
    await page.mouse.click(5, 400);
    await page.waitForTimeout(quick ? 500 : 1000);
    const afterInteraction = requests.length - before.length;
    await context.close();
    if (load === 'interaction') {
      rows.push({
        name: "network: requests to the Genesys host before the first interaction, load 'interaction'",
        figure: before.length,
        unit: `requests (${bytes} B)`,
        target: '0',
        met: before.length === 0,
        details: { bytes, loadedOnInteraction: afterInteraction > 0 || before.length > 0 },
      });
    } else {
      const early =
        timing.firstGenesysRequest !== null && timing.firstGenesysRequest < timing.loadEventEnd;
      rows.push({
        name: "network: Genesys requests before the page's load event, load 'idle'",
        figure: early ? 1 : 0,
        unit: `(first request ${timing.firstGenesysRequest === null ? 'none' : `${round(timing.firstGenesysRequest - timing.loadEventEnd, 0)} ms after load`}; ${before.length} requests, ${bytes} B before interaction)`,
        target: '0 before load',
        met: !early,
        details: {
          ...timing,
          requestsBeforeInteraction: before.length,
          bytesBeforeInteraction: bytes,
        },
      });
    }
  }
  return rows;
}

// ---- 3. Click to open ---------------------------------------------------------------------------

export async function clickToOpen(browser, { labUrl, emulatorUrl, quick }) {
  const runs = quick ? 6 : 50;
  const { context, page } = await open(
    browser,
    `${labUrl}/?emulator=${encodeURIComponent(emulatorUrl)}`,
  );
  await page.waitForFunction(() => 'benchLab' in window);
  await page.evaluate(() => window.benchLab.load());
  await page.evaluate(() => {
    window.__clicks = [];
    document.addEventListener('click', () => window.__clicks.push(performance.now()), {
      capture: true,
    });
  });

  async function once(selector) {
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          window.Genesys('command', 'Messenger.close', {}, resolve, resolve);
        }),
    );
    const before = await page.evaluate(() => window.genesysEmulator.commands.length);
    await page.click(selector);
    const ms = await page.evaluate(
      (n) =>
        new Promise((resolve) => {
          const check = () => {
            const open = window.genesysEmulator.commands
              .slice(n)
              .find((c) => c.name === 'Messenger.open');
            if (open) resolve(open.at - window.__clicks.at(-1));
            else setTimeout(check, 1);
          };
          check();
        }),
      before,
    );
    await page.waitForSelector('#directive:not([aria-busy])');
    return ms;
  }

  await once('#directive');
  await once('#manual');
  const directive = [];
  const manual = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      manual.push(await once('#manual'));
      directive.push(await once('#directive'));
    } else {
      directive.push(await once('#directive'));
      manual.push(await once('#manual'));
    }
  }
  await context.close();
  const ratio = median(directive) / median(manual);
  return [
    {
      name: 'click to Messenger.open: directive / hand-written (median ratio)',
      figure: round(ratio, 3),
      unit: `(directive ${round(median(directive), 2)} ms, hand-written ${round(median(manual), 2)} ms, ${runs} A/B runs)`,
      target: '<= 1.05',
      met: ratio <= 1.05,
      details: { directive, manual },
    },
  ];
}
