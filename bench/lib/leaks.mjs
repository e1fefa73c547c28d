// 5. Leaks: heap growth over mount/unmount and app create/destroy cycles (with a control that runs
// the same cycles without the library), and a heap snapshot that must hold no library instance
// once every app is destroyed.
import { heapSummary, instancesOf, libraryClassNames } from './heap-snapshot.mjs';
import { open } from './page.mjs';
import { round } from './stats.mjs';

// Classes a live, loaded lab app must hold. If the snapshot shows none of them while the app is
// alive, class names are not readable (a mangled build) and the check below would prove nothing.
const MUST_SEE_WHILE_ALIVE = ['GenesysChatService', 'GenesysStartChatDirective'];

// Objects that belong to the page, not to an app, by design: at most one may remain.
const PAGE_SCOPED = {
  // Genesys has no documented unsubscribe, so the page keeps one subscription per event and one
  // dispatcher (kept in a WeakMap keyed by the window); apps add and remove listeners on it.
  GenesysEventDispatcher: 1,
};

export async function leaks(browser, { labUrl, emulatorUrl, quick, root }) {
  const mounts = quick ? 20 : 200;
  const apps = quick ? 4 : 20;
  const { context, page } = await open(
    browser,
    `${labUrl}/?emulator=${encodeURIComponent(emulatorUrl)}`,
  );
  const cdp = await context.newCDPSession(page);
  const measure = async () => {
    await page.waitForTimeout(100); // let scheduled change detection settle
    await page.evaluate(() => window.gc?.());
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    let listeners = 0;
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      listeners += (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId }))
        .listeners.length;
    }
    const timers = await page.evaluate(() => window.__pendingTimers());
    return { heap: usedSize, listeners, timers };
  };
  const lab = (fn, arg) => page.evaluate(fn, arg);
  const cycleRows = (row) =>
    lab(
      async ([kind, n]) => {
        for (let i = 0; i < n; i++) {
          await window.benchLab.toggleRow(kind);
          await window.benchLab.toggleRow(null);
        }
      },
      [row, mounts],
    );
  const cycleApps = (withChat) =>
    lab(
      async ([chat, n]) => {
        for (let i = 0; i < n; i++) {
          window.benchLab.destroy();
          await window.benchLab.create(chat);
          if (chat) await window.benchLab.load();
        }
      },
      [withChat, apps],
    );

  await page.waitForFunction(() => 'benchLab' in window);
  await lab(() => window.benchLab.load());
  // Warm every code path once, so one-time allocations (compiled code, caches) are in the baseline.
  await lab(async () => {
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
    const before = await measure();
    await run();
    const after = await measure();
    return { before, after, percent: ((after.heap - before.heap) / before.heap) * 100 };
  };
  const mountsPlain = await growth(() => cycleRows('plain'));
  const mountsChat = await growth(() => cycleRows('directive'));
  const appsPlain = await growth(() => cycleApps(false));
  await lab(async () => {
    window.benchLab.destroy();
    await window.benchLab.create(true);
    await window.benchLab.load();
  });
  const appsChat = await growth(() => cycleApps(true));

  // The snapshot check: one app (the last of the cycles) alive, then none.
  const classes = libraryClassNames(root);
  const count = (summary) => Object.fromEntries(classes.map((c) => [c, instancesOf(summary, c)]));
  const alive = count(await heapSummary(cdp));
  await lab(() => window.benchLab.destroy());
  await page.waitForTimeout(100);
  await page.evaluate(() => window.gc?.());
  const afterAll = count(await heapSummary(cdp));
  await context.close();

  const readable = MUST_SEE_WHILE_ALIVE.every((c) => alive[c] > 0);
  const remaining = Object.entries(afterAll).filter(([c, n]) => n > (PAGE_SCOPED[c] ?? 0));
  const pageScoped = Object.entries(afterAll).filter(
    ([c, n]) => n > 0 && n <= (PAGE_SCOPED[c] ?? 0),
  );
  const row = (name, chat, control) => ({
    name,
    figure: round(chat.percent, 2),
    unit: `% (control without the library: ${round(control.percent, 2)} %, so the library's share is ${round(chat.percent - control.percent, 2)} points; ${chat.before.heap} -> ${chat.after.heap} B)`,
    target: 'reported',
    met: null,
  });
  return [
    {
      name: `leaks: library class instances left after ${apps} app create/destroy cycles, all apps destroyed, forced GC (heap snapshot, by class name)`,
      figure: remaining.reduce((n, [, c]) => n + c, 0),
      unit: readable
        ? `instances (${remaining.map(([c, n]) => `${c} x${n}`).join(', ') || 'none'}; ${classes.length} classes checked; page-scoped by design: ${pageScoped.map(([c, n]) => `${c} x${n}`).join(', ') || 'none'}; with one app alive: ${Object.entries(
            alive,
          )
            .filter(([, n]) => n > 0)
            .map(([c, n]) => `${c} x${n}`)
            .join(', ')})`
        : `(check invalid: ${MUST_SEE_WHILE_ALIVE.join(', ')} not visible in the snapshot of a live app; class names mangled?)`,
      target: '0',
      met: readable && remaining.length === 0,
      details: {
        classes,
        pageScoped: PAGE_SCOPED,
        withOneAppAlive: alive,
        afterAllDestroyed: afterAll,
      },
    },
    row(
      `leaks: heap growth over ${mounts} mount/unmount cycles of a [genesysStartChat] row`,
      mountsChat,
      mountsPlain,
    ),
    row(`leaks: heap growth over ${apps} app create/destroy cycles`, appsChat, appsPlain),
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
