// Proves the packed library works for a user: packs dist/ngx-genesys-chat, creates a fresh
// Angular app with the workspace's Angular CLI, installs the tarball, writes a component that
// uses provideGenesysChat and [genesysStartChat], and runs a production build.
// usage: node scripts/consumer-app.mjs [--keep]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'ngx-genesys-consumer-'));
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
  });
const t0 = performance.now();

try {
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

  // The workspace's own ng refuses `new` (it sees the workspace), so npx runs the same pinned CLI version.
  const cli = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies[
    '@angular/cli'
  ];
  run(
    'npx',
    [
      '-y',
      `@angular/cli@${cli}`,
      'new',
      'consumer',
      '--skip-git',
      '--skip-install',
      '--defaults',
      '--interactive=false',
      '--ai-config=none',
      '--package-manager=npm',
      '--skip-tests',
    ],
    work,
  );
  const app = join(work, 'consumer');

  // The registry's newest CLI patch has no matching @angular/build, so pin as the workspace does.
  const pkgPath = join(app, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const deps of [pkg.dependencies, pkg.devDependencies]) {
    for (const name of Object.keys(deps)) {
      const pinned = ours.dependencies?.[name] ?? ours.devDependencies?.[name];
      if (pinned) deps[name] = pinned;
    }
  }
  delete pkg.devDependencies.vitest;
  delete pkg.scripts.test;
  pkg.dependencies['ngx-genesys-chat'] = `file:${tarball}`;
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));

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
  for (const f of ['src/app/app.html', 'src/app/app.css', 'src/app/app.routes.ts'])
    rmSync(join(app, f), { force: true });

  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], app);
  run(join(app, 'node_modules/.bin/ng'), ['build'], app);

  // The directive is in the initial JS; the engine (with the bootstrap URL) in a lazy chunk.
  const browser = join(app, 'dist/consumer/browser');
  const bundle = readdirSync(browser)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(browser, f), 'utf8'))
    .join('\n');
  for (const needle of ['genesys-bootstrap/genesys.min.js', 'genesysStartChat']) {
    if (!bundle.includes(needle)) throw new Error(`the built app does not contain the library (${needle} missing)`);
  }
  const installed = JSON.parse(
    readFileSync(join(app, 'node_modules/ngx-genesys-chat/package.json'), 'utf8'),
  );
  console.log(
    `consumer app OK: ngx-genesys-chat ${installed.version} installed from the tarball and built with Angular ${pkg.dependencies['@angular/core']} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
