// 4. Scale: 1,000 [genesysStartChat] buttons against 1,000 plain ones, in time, heap and kind.
import { heapSummary, perInstance } from './heap-snapshot.mjs';
import { open } from './page.mjs';
import { median, round } from './stats.mjs';

export async function scale(browser, { labUrl, emulatorUrl, quick }) {
  const n = quick ? 200 : 1000;
  const rounds = quick ? 3 : 25;
  const { context, page } = await open(
    browser,
    `${labUrl}/?emulator=${encodeURIComponent(emulatorUrl)}`,
  );
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const render = (kind, count) =>
    page.evaluate(([k, c]) => window.benchLab.render(k, c), [kind, count]);
  await page.waitForFunction(() => 'benchLab' in window);
  await page.evaluate(() => window.benchLab.load());

  await render('directive', 1);
  const subscriptionsWithOne = await page.evaluate(() => window.genesysEmulator.subscriptions);
  // Warm both templates once, so the first measured round does not pay for compiling them.
  for (const kind of ['directive', 'surface', 'bare', 'plain']) {
    await render(kind, n);
    await render('plain', 0);
  }

  // Two floors of the lab's own: 'bare', a one-input directive (what any directive costs), and
  // 'surface', the inputs and outputs issue 10 requires with no behaviour (what that API costs).
  const kinds = ['directive', 'surface', 'bare', 'plain'];
  const times = Object.fromEntries(kinds.map((k) => [k, []]));
  const heapPerButton = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const kind of r % 2 ? [...kinds].reverse() : kinds) {
      await render('plain', 0);
      const empty = await heap();
      times[kind].push(await render(kind, n));
      heapPerButton[kind].push(((await heap()) - empty) / n);
    }
  }
  // What one directive instance allocates beyond a plain button, by constructor / closure name.
  await render('plain', n);
  const plainSnapshot = await heapSummary(cdp);
  await render('directive', n);
  const directiveSnapshot = await heapSummary(cdp);
  const allocations = perInstance(plainSnapshot, directiveSnapshot, n).slice(0, 15);
  const subscriptionsWithMany = await page.evaluate(() => window.genesysEmulator.subscriptions);
  await context.close();

  // Each round renders both kinds back to back; the median of the per-round ratios resists the
  // machine's noise better than a ratio of medians.
  const ratio = median(times.directive.map((d, i) => d / times.plain[i]));
  const heapRatio = median(heapPerButton.directive) / median(heapPerButton.plain);
  const bareRatio = median(times.bare.map((d, i) => d / times.plain[i]));
  const bareHeapRatio = median(heapPerButton.bare) / median(heapPerButton.plain);
  const surfaceRatio = median(times.surface.map((d, i) => d / times.plain[i]));
  const surfaceHeapRatio = median(heapPerButton.surface) / median(heapPerButton.plain);
  const top = allocations
    .slice(0, 6)
    .map((a) => `${a.kind} x${round(a.perInstance, 1)} ${round(a.bytesPerInstance, 0)} B`)
    .join(', ');
  return [
    {
      name: `scale: render ${n} [genesysStartChat] / ${n} plain buttons (median of ${rounds} paired ratios)`,
      figure: round(ratio, 3),
      unit: `(directive ${round(median(times.directive), 1)} ms, plain ${round(median(times.plain), 1)} ms)`,
      target: '<= 1.2',
      met: ratio <= 1.2,
      details: { times: { directive: times.directive, plain: times.plain } },
    },
    {
      name: `scale: heap per [genesysStartChat] button / per plain button (after GC, median of ${rounds})`,
      figure: round(heapRatio, 3),
      unit: `(${round(median(heapPerButton.directive), 0)} vs ${round(median(heapPerButton.plain), 0)} B/button; per instance: ${top || 'nothing'})`,
      target: '<= 1.15',
      met: heapRatio <= 1.15,
      details: {
        heapPerButton: { directive: heapPerButton.directive, plain: heapPerButton.plain },
        perInstanceAllocations: allocations,
      },
    },
    {
      name: `scale: the floor, a bare one-input directive of the lab's own / plain buttons (render, heap)`,
      figure: `${round(bareRatio, 3)} / ${round(bareHeapRatio, 3)}`,
      unit: `(${round(median(times.bare), 1)} ms; ${round(median(heapPerButton.bare), 0)} B/button)`,
      target: 'reported',
      met: null,
      details: { times: times.bare, heapPerButton: heapPerButton.bare },
    },
    {
      name: `scale: the required surface, issue 10's inputs and outputs with no behaviour / plain buttons (render, heap)`,
      figure: `${round(surfaceRatio, 3)} / ${round(surfaceHeapRatio, 3)}`,
      unit: `(${round(median(times.surface), 1)} ms; ${round(median(heapPerButton.surface), 0)} B/button)`,
      target: 'reported',
      met: null,
      details: { times: times.surface, heapPerButton: heapPerButton.surface },
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
