// One fresh browser context per measurement, with the counters the benchmarks read.

/** Opens `url` in a fresh context with an init script that counts pending timers and collects long tasks. */
export async function open(browser, url, { waitUntil = 'load' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const pending = new Set();
    const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
    window.setTimeout = function (fn, ms, ...rest) {
      const id = st.call(
        window,
        (...a) => {
          pending.delete(id);
          if (typeof fn === 'function') fn(...a);
        },
        ms,
        ...rest,
      );
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
    new PerformanceObserver((list) =>
      window.__longTasks.push(...list.getEntries().map((e) => e.duration)),
    ).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto(url, { waitUntil });
  return { context, page };
}
