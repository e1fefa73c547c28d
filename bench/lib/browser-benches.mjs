// The benchmarks that need a real browser: 2 (nothing before it is needed), 3 (click to open),
// 4 (scale) and 5 (leaks). Each returns result rows { name, figure, unit, target, met, details }.
import { median, round } from './stats.mjs';


/** Opens `url` in a fresh context with an init script that counts pending timers and collects long tasks. */
async function open(browser, url, { waitUntil = 'load' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const pending = new Set();
    const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
    window.setTimeout = function (fn, ms, ...rest) {
      const id = st.call(window, (...a) => {
        pending.delete(id);
        if (typeof fn === 'function') fn(...a);
      }, ms, ...rest);
      pending.add(id);
      return id;
    };
    window.clearTimeout = (id) => (pending.delete(id), ct.call(window, id));
    window.setInterval = function (fn, ms, ...rest) {
      const id = si.call(window, fn, ms, ...rest);
      pending.add(id);
      return id;
    };
    window.clearInterval = (id) => (pending.delete(id), ci.call(window, id));
    window.__pendingTimers = () => pending.size;
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto(url, { waitUntil });
  return { context, page };
}

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
      requests.push({ url: response.url().slice(emulatorUrl.length), bytes: body.length, beforeInteraction: !interacted });
    });
    await page.goto(`${demoUrl}/?${new URLSearchParams({ emulator: emulatorUrl, load })}`, { waitUntil: 'load' });
    await page.waitForTimeout(waitMs);
    const timing = await page.evaluate((emu) => {
      const nav = performance.getEntriesByType('navigation')[0];
      const first = performance.getEntriesByType('resource').find((e) => e.name.startsWith(emu));
      return { loadEventEnd: nav.loadEventEnd, firstGenesysRequest: first ? first.startTime : null };
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
      const early = timing.firstGenesysRequest !== null && timing.firstGenesysRequest < timing.loadEventEnd;
      rows.push({
        name: "network: Genesys requests before the page's load event, load 'idle'",
        figure: early ? 1 : 0,
        unit: `(first request ${timing.firstGenesysRequest === null ? 'none' : `${round(timing.firstGenesysRequest - timing.loadEventEnd, 0)} ms after load`}; ${before.length} requests, ${bytes} B before interaction)`,
        target: '0 before load',
        met: !early,
        details: { ...timing, requestsBeforeInteraction: before.length, bytesBeforeInteraction: bytes },
      });
    }
  }
  return rows;
}

// ---- 2b. Added main-thread time during bootstrap -----------------------------------------------

export async function bootstrapCost(browser, { appUrls, emulatorUrl, quick }) {
  const runs = quick ? 4 : 25;
  const samples = { baseline: [], library: [] };
  const longTasks = { baseline: [], library: [] };
  for (let i = 0; i < runs; i++) {
    for (const app of i % 2 ? ['library', 'baseline'] : ['baseline', 'library']) {
      const { context, page } = await open(browser, `${appUrls[app]}/?emulator=${encodeURIComponent(emulatorUrl)}`);
      await page.waitForFunction(() => performance.getEntriesByName('bootstrap').length > 0);
      const m = await page.evaluate(() => ({
        bootstrap: performance.getEntriesByName('bootstrap')[0].duration,
        longTasks: window.__longTasks.reduce((a, b) => a + b, 0),
      }));
      samples[app].push(m.bootstrap);
      longTasks[app].push(m.longTasks);
      await context.close();
    }
  }
  const pairs = samples.library.map((v, i) => v - samples.baseline[i]);
  const added = median(pairs);
  return [
    {
      name: 'main thread: added bootstrap time (median of paired runs)',
      figure: round(added, 2),
      unit: `ms (baseline ${round(median(samples.baseline), 1)} ms, library ${round(median(samples.library), 1)} ms, ${runs} pairs)`,
      target: '<= 1 ms',
      met: added <= 1,
      details: { samples, longTasksMs: { baseline: median(longTasks.baseline), library: median(longTasks.library) } },
    },
  ];
}

// ---- 3. Click to open ---------------------------------------------------------------------------

export async function clickToOpen(browser, { labUrl, emulatorUrl, quick }) {
  const runs = quick ? 6 : 50;
  const { context, page } = await open(browser, `${labUrl}/?emulator=${encodeURIComponent(emulatorUrl)}`);
  await page.waitForFunction(() => 'benchLab' in window);
  await page.evaluate(() => window.benchLab.load());
  await page.evaluate(() => {
    window.__clicks = [];
    document.addEventListener('click', () => window.__clicks.push(performance.now()), { capture: true });
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
            const open = window.genesysEmulator.commands.slice(n).find((c) => c.name === 'Messenger.open');
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

// ---- 4. Scale -----------------------------------------------------------------------------------

export async function scale(browser, { labUrl, emulatorUrl, quick }) {
  const n = quick ? 200 : 1000;
  const rounds = quick ? 3 : 25;
  const { context, page } = await open(browser, `${labUrl}/?emulator=${encodeURIComponent(emulatorUrl)}`);
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.waitForFunction(() => 'benchLab' in window);
  await page.evaluate(() => window.benchLab.load());

  await page.evaluate(() => window.benchLab.render('directive', 1));
  const subscriptionsWithOne = await page.evaluate(() => window.genesysEmulator.subscriptions);

  const times = { directive: [], plain: [] };
  const heapPerButton = { directive: [], plain: [] };
  for (let r = 0; r < rounds; r++) {
    for (const kind of r % 2 ? ['plain', 'directive'] : ['directive', 'plain']) {
      await page.evaluate(() => window.benchLab.render('plain', 0));
      const empty = await heap();
      times[kind].push(await page.evaluate(([k, count]) => window.benchLab.render(k, count), [kind, n]));
      heapPerButton[kind].push(((await heap()) - empty) / n);
    }
  }
  await page.evaluate((count) => window.benchLab.render('directive', count), n);
  const subscriptionsWithMany = await page.evaluate(() => window.genesysEmulator.subscriptions);
  await context.close();
  // Each round renders both kinds back to back; the median of the per-round ratios resists the
  // machine's noise better than a ratio of medians.
  const ratio = median(times.directive.map((d, i) => d / times.plain[i]));
  return [
    {
      name: `scale: render ${n} [genesysStartChat] / ${n} plain buttons (median of paired ratios)`,
      figure: round(ratio, 3),
      unit: `(directive ${round(median(times.directive), 1)} ms, plain ${round(median(times.plain), 1)} ms; heap ${round(median(heapPerButton.directive), 0)} vs ${round(median(heapPerButton.plain), 0)} B/button)`,
      target: '<= 1.2',
      met: ratio <= 1.2,
      details: { times, heapPerButton },
    },
    {
      name: `scale: Genesys subscriptions with 1 and with ${n} directives`,
      figure: `${subscriptionsWithOne} / ${subscriptionsWithMany}`,
      unit: '',
      target: 'equal',
      met: subscriptionsWithOne === subscriptionsWithMany,
    },
  ];
}

// ---- 5. Leaks -----------------------------------------------------------------------------------

/**
 * Mount/unmount and app create/destroy cycles, each run twice in the same page: with the library
 * and, as the control, the same thing without it. The control shows what the framework and the
 * JIT grow by themselves; the library's share is the difference.
 */
export async function leaks(browser, { labUrl, emulatorUrl, quick }) {
  const mounts = quick ? 20 : 200;
  const apps = quick ? 4 : 20;
  const { context, page } = await open(browser, `${labUrl}/?emulator=${encodeURIComponent(emulatorUrl)}`);
  const cdp = await context.newCDPSession(page);
  const snapshot = async () => {
    await page.waitForTimeout(100); // let scheduled change detection settle
    await page.evaluate(() => window.gc?.());
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    let listeners = 0;
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      listeners += (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })).listeners.length;
    }
    const timers = await page.evaluate(() => window.__pendingTimers());
    return { heap: usedSize, listeners, timers };
  };
  const cycleRows = (row) =>
    page.evaluate(async ([kind, n]) => {
      for (let i = 0; i < n; i++) {
        await window.benchLab.toggleRow(kind);
        await window.benchLab.toggleRow(null);
      }
    }, [row, mounts]);
  const cycleApps = (withChat) =>
    page.evaluate(async ([chat, n]) => {
      for (let i = 0; i < n; i++) {
        window.benchLab.destroy();
        await window.benchLab.create(chat);
        if (chat) await window.benchLab.load();
      }
    }, [withChat, apps]);

  await page.waitForFunction(() => 'benchLab' in window);
  await page.evaluate(() => window.benchLab.load());
  // Warm every code path once, so one-time allocations (compiled code, caches) are in the baseline.
  await page.evaluate(async () => {
    for (const kind of ['directive', 'plain']) {
      await window.benchLab.toggleRow(kind);
      await window.benchLab.toggleRow(null);
    }
    for (const chat of [false, true]) {
      window.benchLab.destroy();
      await window.benchLab.create(chat);
      if (chat) await window.benchLab.load();
    }
  });

  const growth = async (run) => {
    const before = await snapshot();
    await run();
    const after = await snapshot();
    return { before, after, percent: ((after.heap - before.heap) / before.heap) * 100 };
  };
  const mountsPlain = await growth(() => cycleRows('plain'));
  const mountsChat = await growth(() => cycleRows('directive'));
  const appsPlain = await growth(() => cycleApps(false));
  await page.evaluate(async () => {
    window.benchLab.destroy();
    await window.benchLab.create(true);
    await window.benchLab.load();
  });
  const appsChat = await growth(() => cycleApps(true));
  await context.close();

  const row = (name, chat, control) => ({
    name,
    figure: round(chat.percent, 2),
    unit: `% (control without the library: ${round(control.percent, 2)} %; ${chat.before.heap} -> ${chat.after.heap} B)`,
    target: 'within 2%',
    met: Math.abs(chat.percent) <= 2,
  });
  return [
    row(`leaks: heap after ${mounts} mount/unmount cycles of a [genesysStartChat] row`, mountsChat, mountsPlain),
    row(`leaks: heap after ${apps} app create/destroy cycles`, appsChat, appsPlain),
    {
      name: 'leaks: window/document listeners and pending timers, before -> after the app cycles',
      figure: `${appsChat.before.listeners}/${appsChat.before.timers} -> ${appsChat.after.listeners}/${appsChat.after.timers}`,
      unit: '',
      target: 'unchanged',
      met:
        appsChat.after.listeners <= appsChat.before.listeners &&
        appsChat.after.timers <= appsChat.before.timers &&
        mountsChat.after.timers <= mountsChat.before.timers,
    },
  ];
}
