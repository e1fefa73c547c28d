// "ng add tells the truth" (issue 11): an app that is configured already is told so, shown its
// config, and left alone unless --replace, which replaces the config (ng add keeps --force for itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  app,
  DEPLOYMENT,
  logs,
  modulePath,
  OTHER_DEPLOYMENT,
  runner,
  snapshot,
} from './helpers.mjs';
import { diagnostics } from './compile.mjs';

const CONFIG = '/projects/shop/src/app/app.config.ts';
const first = { project: 'shop', deploymentId: DEPLOYMENT, region: 'eu-west-1' };
const second = { project: 'shop', deploymentId: OTHER_DEPLOYMENT, region: 'us-east-1' };

async function configured(standalone = true) {
  return runner.runSchematic('ng-add', first, await app(standalone));
}

async function run(options, tree) {
  const log = logs();
  try {
    const out = await runner.runSchematic('ng-add', options, tree);
    return { out, output: log.text() };
  } finally {
    log.stop();
  }
}

test('re-running with another region changes nothing, says so, and shows the existing config', async () => {
  const tree = await configured();
  const before = snapshot(tree);
  const { out, output } = await run(second, tree);
  assert.deepEqual(snapshot(out), before);
  assert.doesNotMatch(output, /\badded\b/);
  assert.match(output, /already configured, nothing changed/);
  assert.match(
    output,
    new RegExp(
      `projects/shop/src/app/app\\.config\\.ts:\\d+: provideGenesysChat\\(\\{ deploymentId: '${DEPLOYMENT}', region: 'eu-west-1' \\}\\)`,
    ),
  );
  assert.match(output, /--replace/);
  // The CSP shown is the one of the config the app really has, not the region asked for.
  assert.match(output, /https:\/\/apps\.mypurecloud\.ie/);
  assert.doesNotMatch(output, /mypurecloud\.com\b/);
});

test('--replace replaces the existing config, once, and the file still compiles', async () => {
  const tree = await configured();
  const { out, output } = await run({ ...second, replace: true }, tree);
  const text = out.readText(CONFIG);
  assert.equal(text.match(/provideGenesysChat\(/g).length, 1);
  assert.equal(text.match(/import \{ provideGenesysChat \} from 'ngx-genesys-chat';/g).length, 1);
  assert.match(
    text,
    new RegExp(
      `provideGenesysChat\\(\\{ deploymentId: '${OTHER_DEPLOYMENT}', region: 'us-east-1' \\}\\)`,
    ),
  );
  assert.doesNotMatch(text, /eu-west-1/);
  assert.deepEqual(diagnostics(out, [CONFIG]), []);
  assert.match(output, /replaced the config in projects\/shop\/src\/app\/app\.config\.ts:\d+/);
  assert.match(output, /was: provideGenesysChat\(\{[^\n]*eu-west-1/);
  assert.match(output, /now: provideGenesysChat\(\{[^\n]*us-east-1[^\n]*\}\)$/m);
  assert.match(output, /^script-src https:\/\/apps\.mypurecloud\.com;$/m);
});

test('NgModule app: GenesysChatModule.forRoot is recognised, left alone, and replaced with --replace', async () => {
  const tree = await configured(false);
  const path = `/${modulePath(tree)}`;
  const before = snapshot(tree);
  const plain = await run(second, tree);
  assert.deepEqual(snapshot(plain.out), before);
  assert.match(
    plain.output,
    /already configured, nothing changed[\s\S]*GenesysChatModule\.forRoot\(/,
  );
  assert.doesNotMatch(plain.output, /\badded\b/);
  const forced = await run({ ...second, replace: true }, tree);
  const text = forced.out.readText(path);
  assert.equal(text.match(/GenesysChatModule\.forRoot\(/g).length, 1);
  assert.match(
    text,
    /GenesysChatModule\.forRoot\(\{ deploymentId: '[^']+', region: 'us-east-1' \}\)/,
  );
  assert.deepEqual(diagnostics(forced.out, [path]), []);
});

test('the same settings again: "already configured with these settings", nothing changed', async () => {
  const tree = await configured();
  const before = snapshot(tree);
  const { out, output } = await run(first, tree);
  assert.deepEqual(snapshot(out), before);
  assert.match(output, /already configured with these settings, nothing changed/);
  assert.doesNotMatch(output, /\badded\b/);
  // eu-west-1 is prod-euw1: the same row of the region table, so the same settings.
  const again = await run(
    { project: 'shop', deploymentId: DEPLOYMENT, environment: 'prod-euw1' },
    tree,
  );
  assert.deepEqual(snapshot(again.out), before);
  assert.match(again.output, /already configured with these settings/);
});

test('a config written by hand with an aliased import counts; a name in a comment does not', async () => {
  const tree = await app(true);
  const original = tree.readText(CONFIG);
  tree.overwrite(
    CONFIG,
    original
      .replace(/^/, "import { provideGenesysChat as genesys } from 'ngx-genesys-chat';\n")
      .replace(
        '  providers: [',
        `  providers: [\n    genesys({\n      deploymentId: '${DEPLOYMENT}',\n      environment: 'prod-euw1',\n    }),`,
      ),
  );
  const { out, output } = await run(second, tree);
  assert.equal(out.readText(CONFIG).match(/genesys\(|provideGenesysChat\(/g).length, 1);
  assert.match(output, /already configured, nothing changed[\s\S]*genesys\(\{/);

  const commented = await app(true);
  commented.overwrite(
    CONFIG,
    `// TODO provideGenesysChat({ deploymentId: '…' }) from 'ngx-genesys-chat'\n${original}`,
  );
  const added = await run(second, commented);
  assert.match(added.output, /added provideGenesysChat\(/);
  assert.deepEqual(diagnostics(added.out, [CONFIG]), []);
});

test('two configs in one app: an error that lists both, and nothing is edited, even with --replace', async () => {
  const tree = await configured();
  tree.create(
    '/projects/shop/src/app/chat.providers.ts',
    `import { provideGenesysChat } from 'ngx-genesys-chat';\nexport const chat = provideGenesysChat({ deploymentId: '${OTHER_DEPLOYMENT}', region: 'eu-west-2' });\n`,
  );
  const before = snapshot(tree);
  await assert.rejects(run({ ...second, replace: true }, tree), (e) => {
    assert.match(e.message, /2 times/);
    assert.match(e.message, /app\.config\.ts:\d+/);
    assert.match(e.message, /chat\.providers\.ts:2/);
    return true;
  });
  assert.deepEqual(snapshot(tree), before);
});
