// Shared set-up for the ng-add tests: the schematic runner over the built collection in dist, and
// fresh workspaces made with Angular's own `workspace` and `application` schematics.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { SchematicTestRunner } = require('@angular-devkit/schematics/testing');

export const root = resolve(import.meta.dirname, '../..');
export const collection = resolve(root, 'dist/ngx-genesys-chat/schematics/collection.json');
export const runner = new SchematicTestRunner('ngx-genesys-chat', collection);
export const DEPLOYMENT = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
export const OTHER_DEPLOYMENT = '0b7e2c55-8d1f-4a3b-9c6e-5f4d3c2b1a09';

/** A workspace with one app `shop` under projects/shop (standalone or NgModule). */
export async function app(standalone = true) {
  const workspace = await runner.runExternalSchematic('@schematics/angular', 'workspace', {
    name: 'ws',
    newProjectRoot: 'projects',
    version: '21.0.0',
  });
  return runner.runExternalSchematic(
    '@schematics/angular',
    'application',
    { name: 'shop', standalone, zoneless: true },
    workspace,
  );
}

/** The layout `ng new` makes: the first app `shop` at the workspace root, a second app `admin`. */
export async function twoApps() {
  const workspace = await runner.runExternalSchematic('@schematics/angular', 'workspace', {
    name: 'ws',
    newProjectRoot: 'projects',
    version: '21.0.0',
  });
  const shop = await runner.runExternalSchematic(
    '@schematics/angular',
    'application',
    { name: 'shop', projectRoot: '', standalone: true, zoneless: true },
    workspace,
  );
  return runner.runExternalSchematic(
    '@schematics/angular',
    'application',
    { name: 'admin', standalone: true, zoneless: true },
    shop,
  );
}

/** Collects what the schematic logs from now on. */
export function logs() {
  const lines = [];
  const subscription = runner.logger.subscribe((entry) => lines.push(entry.message));
  return { text: () => lines.join('\n'), stop: () => subscription.unsubscribe() };
}

/** The NgModule app's root module path: app-module.ts in Angular 21, app.module.ts before. */
export function modulePath(tree) {
  return tree.exists('projects/shop/src/app/app.module.ts')
    ? 'projects/shop/src/app/app.module.ts'
    : 'projects/shop/src/app/app-module.ts';
}

/** Every file's text, to prove that a refused run changed nothing. */
export function snapshot(tree) {
  return Object.fromEntries(tree.files.map((f) => [f, tree.read(f).toString('base64')]));
}
