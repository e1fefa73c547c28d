// npm run bench [-- --quick] [-- --no-build]
// Measures what ngx-genesys-chat costs a host app, side by side with the alternatives, in one run.
// Prints each figure with its target and whether it is met, and writes bench/results/latest.json
// (quick runs write bench/results/quick.json). A missed target is reported, not a failure.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { APPS, bundleCost } from './lib/bundle.mjs';
import { clickToOpen, nothingBeforeNeeded } from './lib/browser-benches.mjs';
import { bootstrapCost } from './lib/bootstrap.mjs';
import { leaks } from './lib/leaks.mjs';
import { scale } from './lib/scale.mjs';
import { runGuestLoad } from './lib/emulator-load.mjs';
import { round } from './lib/stats.mjs';

const root = resolve(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
const startedAt = Date.now();
// --only=bundle,network,click,scale,leaks,emulator runs a subset (for working on one figure).
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const want = (section) => !only || only.includes(section);
const DEPLOYMENT = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';

if (!process.argv.includes('--no-build')) {
  const run = (...args) =>
    execFileSync('npm', ['run', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log('building the library, the emulator, the demo and the bench apps…');
  run('build');
  for (const app of [...Object.keys(APPS), 'lab']) {
    // The lab measures runtime, not bytes: it keeps its identifiers (NG_BUILD_MANGLE=0, otherwise the
    // same production build) so that the leak check can find the library's classes by name.
    const env = app === 'lab' ? { ...process.env, NG_BUILD_MANGLE: '0' } : process.env;
    // --stats-json: esbuild's metafile, from which the bundle figure names the modules behind the bytes.
    execFileSync(join(root, 'node_modules/.bin/ng'), ['build', `bench-${app}`, '--stats-json'], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}

// Imported after the build: the e2e harness requires dist/genesys-emulator when it loads.
const { launchBrowser } = await import('../e2e/harness.mjs');
const { serveDemo } = await import('../e2e/serve.mjs');
const require = createRequire(import.meta.url);
const { startEmulator } = require(join(root, 'dist/genesys-emulator/index.js'));
const results = [];
const report = (rows) => {
  for (const r of rows) {
    results.push(r);
    const verdict = r.met === true ? 'met' : r.met === false ? 'MISSED' : '';
    console.log(
      `  ${r.name}: ${typeof r.figure === 'number' ? round(r.figure, 3) : r.figure} ${r.unit}  [target ${r.target}: ${verdict}]`,
    );
  }
};

const bundle = want('bundle') ? bundleCost(root) : { rows: [], results: [] };
if (want('bundle')) {
  console.log(`\n1. Bundle cost (initial JS; gzip -9, brotli q11)`);
  console.log(
    '  app                                                                       raw      gzip   brotli  Δgzip  Δbrotli',
  );
  for (const r of bundle.rows) {
    console.log(
      `  ${r.label.padEnd(72)} ${String(r.raw).padStart(7)} ${String(r.gzip).padStart(8)} ${String(r.brotli).padStart(8)} ${String(r.deltaGzip).padStart(6)} ${String(r.deltaBrotli).padStart(7)}`,
    );
  }
  report(bundle.results);
  const added = bundle.results[0]?.details?.addedInitialModulesRawBytes ?? [];
  if (added.length)
    console.log(
      '  what the library app adds to the initial chunks, raw bytes by module (esbuild metafile):',
    );
  for (const m of added.slice(0, 10))
    console.log(`    ${String(m.bytes).padStart(6)}  ${m.module}`);
}

const emulator = await startEmulator({
  port: 0,
  quiet: true,
  deployments: [{ id: DEPLOYMENT, allowedDomains: ['127.0.0.1'] }],
  rateLimitPerSecond: 100_000,
});
const servers = {};
for (const app of ['baseline', 'library', 'floor', 'lab'])
  servers[app] = await serveDemo({ port: 0, root: join(root, 'dist/bench', app, 'browser') });
servers.demo = await serveDemo({ port: 0, root: join(root, 'dist/demo/browser') });
const browser = await launchBrowser(['--js-flags=--expose-gc']);
const ctx = {
  root,
  quick,
  emulatorUrl: emulator.url,
  demoUrl: servers.demo.url,
  labUrl: servers.lab.url,
  appUrls: {
    baseline: servers.baseline.url,
    library: servers.library.url,
    floor: servers.floor.url,
  },
};

try {
  if (want('network')) {
    console.log('\n2. Nothing before it is needed (the demo, in Chromium, against the emulator)');
    report(await nothingBeforeNeeded(browser, ctx));
    report(await bootstrapCost(browser, ctx));
  }
  if (want('click')) {
    console.log('\n3. Click to open');
    report(await clickToOpen(browser, ctx));
    emulator.reset();
  }
  if (want('scale')) {
    console.log('\n4. Scale');
    report(await scale(browser, ctx));
  }
  if (want('leaks')) {
    console.log('\n5. Leaks');
    report(await leaks(browser, ctx));
  }
} finally {
  await browser.close();
  await Promise.all(Object.values(servers).map((s) => s.close()));
}

emulator.reset();
const load = want('emulator')
  ? await runGuestLoad(
      emulator.url,
      DEPLOYMENT,
      quick ? { sessions: 20, messages: 5 } : { sessions: 200, messages: 20 },
    )
  : null;
await emulator.close();
if (load) console.log('\n6. Emulator throughput (Guest API over loopback)');
if (load)
  report([
    {
      name: `emulator: ${load.sessions} concurrent guest sessions x ${load.messagesPerSession} messages`,
      figure: round(load.messagesPerSecond, 0),
      unit: `messages/s (p50 ${round(load.p50Ms, 2)} ms, p99 ${round(load.p99Ms, 2)} ms, ${load.delivered} delivered, ${load.errors.length} errors)`,
      target: 'reported',
      met: load.errors.length === 0 ? null : false,
    },
  ]);

const out = {
  date: new Date().toISOString(),
  quick,
  runtimeSeconds: round((Date.now() - startedAt) / 1000, 0),
  machine: {
    cpus: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
  },
  bundle: bundle.rows,
  results: results.map(({ details, ...r }) => ({ ...r, ...(details && { details }) })),
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
const file = join(root, 'bench/results', quick || only ? 'quick.json' : 'latest.json');
writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
const missed = results.filter((r) => r.met === false).length;
console.log(
  `\n${results.length} figures, ${missed} targets missed, in ${out.runtimeSeconds} s. Written to ${file.slice(root.length + 1)}.`,
);
