// The ng-add schematic, with the schematics testing tools (npm run test:schematics).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { app, DEPLOYMENT, logs, modulePath, root, runner } from './helpers.mjs';

const require = createRequire(import.meta.url);

test('standalone app: adds provideGenesysChat with the region to app.config.ts, and prints the CSP hosts', async () => {
  const log = logs();
  const tree = await runner.runSchematic(
    'ng-add',
    { project: 'shop', deploymentId: DEPLOYMENT, region: 'eu-west-1' },
    await app(true),
  );
  log.stop();
  const config = tree.readText('projects/shop/src/app/app.config.ts');
  assert.match(config, /import \{ provideGenesysChat \} from 'ngx-genesys-chat';/);
  assert.match(
    config,
    new RegExp(
      `provideGenesysChat\\(\\{ deploymentId: '${DEPLOYMENT}', region: 'eu-west-1' \\}\\)`,
    ),
  );
  const output = log.text();
  assert.match(
    output,
    /added provideGenesysChat\(.*\) to projects\/shop\/src\/app\/app\.config\.ts:\d+/,
  );
  assert.match(output, /^script-src https:\/\/apps\.mypurecloud\.ie;$/m);
  assert.match(
    output,
    /^connect-src https:\/\/api-cdn\.mypurecloud\.ie https:\/\/api\.mypurecloud\.ie wss:\/\/webmessaging\.mypurecloud\.ie;$/m,
  );
  assert.match(output, /^img-src https:\/\/api-cdn\.mypurecloud\.ie;$/m);
  assert.match(output, /frame-src/);
});

test('running it twice adds the provider once', async () => {
  const options = { project: 'shop', deploymentId: DEPLOYMENT, environment: 'prod-euc1' };
  const once = await runner.runSchematic('ng-add', options, await app(true));
  const twice = await runner.runSchematic('ng-add', options, once);
  const config = twice.readText('projects/shop/src/app/app.config.ts');
  assert.equal(config.match(/provideGenesysChat\(/g).length, 1);
  assert.match(config, /environment: 'prod-euc1'/);
});

test('NgModule app: adds GenesysChatModule.forRoot to the root module imports', async () => {
  const tree = await runner.runSchematic(
    'ng-add',
    { project: 'shop', deploymentId: DEPLOYMENT, region: 'us-east-1' },
    await app(false),
  );
  const text = tree.readText(modulePath(tree));
  assert.match(text, /import \{ GenesysChatModule \} from 'ngx-genesys-chat';/);
  assert.match(
    text,
    /imports: \[[^\]]*GenesysChatModule\.forRoot\(\{ deploymentId: '[^']+', region: 'us-east-1' \}\)/s,
  );
});

test('refuses a bad deployment id or region with a message that says what to give', async () => {
  const tree = await app(true);
  const run = (options) => runner.runSchematic('ng-add', { project: 'shop', ...options }, tree);
  await assert.rejects(run({ deploymentId: 'abc', region: 'eu-west-1' }), /deployment UUID/);
  await assert.rejects(run({ deploymentId: DEPLOYMENT, region: 'mars-1' }), /allowed values/);
  await assert.rejects(run({ deploymentId: DEPLOYMENT, region: '__proto__' }), /allowed values/);
  await assert.rejects(
    run({ deploymentId: DEPLOYMENT, region: 'eu-west-1', environment: 'prod' }),
    /exactly one of --region/,
  );
});

test("the region prompt and enums offer exactly the library's region table, which matches Genesys' service discovery", () => {
  const schema = JSON.parse(
    readFileSync(resolve(root, 'dist/ngx-genesys-chat/schematics/ng-add/schema.json'), 'utf8'),
  );
  const { getEnvironments } = require('genesys-cloud-service-discovery-web');
  const upstream = getEnvironments();
  const sorted = (list) => [...list].sort();
  assert.deepEqual(sorted(schema.properties.region.enum), sorted(upstream.map((e) => e.region)));
  assert.deepEqual(sorted(schema.properties.environment.enum), sorted(upstream.map((e) => e.name)));
  const items = schema.properties.region['x-prompt'].items;
  for (const e of upstream) {
    assert.ok(
      items.some(
        (i) =>
          i.value === e.region && i.label.includes(e.name) && i.label.includes(e.publicDomainName),
      ),
      `prompt item for ${e.region}`,
    );
  }
});
