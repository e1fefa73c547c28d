// The provider goes in through Angular's AST utilities: a `providers: [` in a comment is not the
// array, and every file ng add writes still type-checks against the library's real types (issue 15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { app, DEPLOYMENT, modulePath, runner } from './helpers.mjs';
import { diagnostics } from './compile.mjs';

const ts = createRequire(import.meta.url)('typescript');
const CONFIG = '/projects/shop/src/app/app.config.ts';
const MAIN = '/projects/shop/src/main.ts';
const options = { project: 'shop', deploymentId: DEPLOYMENT, region: 'eu-west-1' };

/** The element texts of the array literal `key: [...]` inside the object that `owner` finds. */
function arrayElements(text, key, owner) {
  const source = ts.createSourceFile('f.ts', text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (owner(node)) {
      const visitInner = (inner) => {
        if (
          ts.isPropertyAssignment(inner) &&
          inner.name.getText(source) === key &&
          ts.isArrayLiteralExpression(inner.initializer)
        )
          found.push(...inner.initializer.elements.map((e) => e.getText(source)));
        ts.forEachChild(inner, visitInner);
      };
      visitInner(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
const isAppConfig = (node) => ts.isVariableDeclaration(node) && node.name.getText() === 'appConfig';
const isNgModule = (node) => ts.isDecorator(node) && node.getText().startsWith('@NgModule');
const isBootstrap = (node) =>
  ts.isCallExpression(node) && node.expression.getText() === 'bootstrapApplication';

test('a "providers: [" inside a comment does not receive the insertion, and app.config.ts compiles', async () => {
  const tree = await app(true);
  tree.overwrite(
    CONFIG,
    tree
      .readText(CONFIG)
      .replace('  providers: [', '  // Order matters in providers: [router last]\n  providers: ['),
  );
  const out = await runner.runSchematic('ng-add', options, tree);
  const text = out.readText(CONFIG);
  assert.match(text, /\/\/ Order matters in providers: \[router last\]\n/);
  assert.deepEqual(diagnostics(out, [CONFIG]), []);
  const providers = arrayElements(text, 'providers', isAppConfig);
  assert.ok(
    providers.includes(
      `provideGenesysChat({ deploymentId: '${DEPLOYMENT}', region: 'eu-west-1' })`,
    ),
    `providers: ${providers.join(', ')}`,
  );
});

test('a block comment with "providers: [" before the config is left alone too', async () => {
  const tree = await app(true);
  tree.overwrite(CONFIG, `/* Keep providers: [ sorted ] */\n${tree.readText(CONFIG)}`);
  const out = await runner.runSchematic('ng-add', options, tree);
  assert.match(out.readText(CONFIG), /^\/\* Keep providers: \[ sorted \] \*\/\n/);
  assert.deepEqual(diagnostics(out, [CONFIG]), []);
  assert.equal(
    arrayElements(out.readText(CONFIG), 'providers', isAppConfig).filter((p) =>
      p.startsWith('provideGenesysChat('),
    ).length,
    1,
  );
});

test('an app that bootstraps with the config inline in main.ts gets the provider there, and compiles', async () => {
  const tree = await app(true);
  tree.overwrite(
    MAIN,
    [
      "import { bootstrapApplication } from '@angular/platform-browser';",
      "import { provideZonelessChangeDetection } from '@angular/core';",
      "import { App } from './app/app';",
      '',
      '// providers: [ are listed inline here ]',
      'bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((err) => console.error(err));',
      '',
    ].join('\n'),
  );
  tree.delete(CONFIG);
  const out = await runner.runSchematic('ng-add', options, tree);
  const text = out.readText(MAIN);
  assert.deepEqual(diagnostics(out, [MAIN]), []);
  assert.ok(
    arrayElements(text, 'providers', isBootstrap).some((p) => p.startsWith('provideGenesysChat({')),
  );
  assert.match(text, /^import \{ provideGenesysChat \} from 'ngx-genesys-chat';$/m);
});

test('NgModule app: an "imports: [" inside a comment is left alone, and the root module compiles', async () => {
  const tree = await app(false);
  const path = `/${modulePath(tree)}`;
  tree.overwrite(
    path,
    tree
      .readText(path)
      .replace('  imports: [', '  // Keep imports: [BrowserModule first]\n  imports: ['),
  );
  const out = await runner.runSchematic('ng-add', options, tree);
  const text = out.readText(path);
  assert.match(text, /\/\/ Keep imports: \[BrowserModule first\]\n/);
  assert.deepEqual(diagnostics(out, [path]), []);
  assert.ok(
    arrayElements(text, 'imports', isNgModule).includes(
      `GenesysChatModule.forRoot({ deploymentId: '${DEPLOYMENT}', region: 'eu-west-1' })`,
    ),
  );
});
