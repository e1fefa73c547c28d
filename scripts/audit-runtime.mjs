// Audits what ships: the runtime dependencies of ngx-genesys-chat and genesys-emulator.
// 1. The dependency lists are pinned to what we reviewed (tslib; jose, oidc-provider, ws), so a new
//    runtime dependency cannot creep in unnoticed. The emulator's jose and oidc-provider serve only its
//    optional authenticated-messaging side (src/auth), which loads them lazily; oidc-provider is pinned
//    exactly (it brings koa 3 and debug) because its defaults and warnings were reviewed for 9.13.3.
// 2. `npm audit --omit=dev` over exactly those packages must show no high or critical advisory.
//    Where the registry does not serve the audit endpoint (this workplace's mirror answers 405),
//    that step says so loudly instead of passing silently.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const EXPECTED = { 'projects/ngx-genesys-chat': ['tslib'], 'projects/genesys-emulator': ['jose', 'oidc-provider', 'ws'] };
const deps = {};
for (const [dir, expected] of Object.entries(EXPECTED)) {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  const actual = Object.keys(pkg.dependencies ?? {}).sort();
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    console.error(
      `${dir}: runtime dependencies are ${actual.join(', ')}; reviewed list is ${expected.join(', ')}`,
    );
    process.exit(1);
  }
  Object.assign(deps, pkg.dependencies);
}
console.log(
  `runtime dependencies: ${Object.entries(deps)
    .map(([n, v]) => `${n}@${v}`)
    .join(', ')} (as reviewed)`,
);

const work = mkdtempSync(join(tmpdir(), 'runtime-audit-'));
try {
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'runtime-audit', private: true, dependencies: deps }),
  );
  execFileSync(
    'npm',
    ['install', '--package-lock-only', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: work },
  );
  let report;
  try {
    report = execFileSync('npm', ['audit', '--omit=dev', '--json'], {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    report = error.stdout || '';
  }
  const parsed = report ? JSON.parse(report) : {};
  if (parsed.error || parsed.statusCode >= 400 || !parsed.metadata) {
    const why = parsed.message ?? parsed.error?.summary ?? 'no report';
    console.log(`npm audit: NOT CHECKED here: the registry's audit endpoint answered: ${why}`);
  } else {
    const { high = 0, critical = 0 } = parsed.metadata?.vulnerabilities ?? {};
    console.log(`npm audit --omit=dev: ${high} high, ${critical} critical`);
    if (high + critical > 0) process.exit(1);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
