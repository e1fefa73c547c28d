// The ng-add schematic, with the schematics testing tools (npm run test:schematics).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { SchematicTestRunner } = require('@angular-devkit/schematics/testing');
const root = resolve(import.meta.dirname, '../..');
const collection = resolve(root, 'dist/ngx-genesys-chat/schematics/collection.json');
const runner = new SchematicTestRunner('ngx-genesys-chat', collection);
const DEPLOYMENT = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';

async function app(standalone) {
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

function logs() {
  const lines = [];
  runner.logger.subscribe((entry) => lines.push(entry.message));
  return lines;
}

test('standalone app: adds provideGenesysChat with the region to app.config.ts, and prints the CSP hosts', async () => {
  const lines = logs();
  const tree = await runner.runSchematic(
    'ng-add',
    { project: 'shop', deploymentId: DEPLOYMENT, region: 'eu-west-1' },
    await app(true),
  );
  const config = tree.readText('projects/shop/src/app/app.config.ts');
  assert.match(config, /import \{ provideGenesysChat \} from 'ngx-genesys-chat';/);
  assert.match(
    config,
    new RegExp(
      `provideGenesysChat\\(\\{ deploymentId: '${DEPLOYMENT}', region: 'eu-west-1' \\}\\)`,
    ),
  );
  const output = lines.join('\n');
  assert.match(output, /script-src .*https:\/\/apps\.mypurecloud\.ie/);
  assert.match(
    output,
    /connect-src +https:\/\/api-cdn\.mypurecloud\.ie https:\/\/api\.mypurecloud\.ie wss:\/\/webmessaging\.mypurecloud\.ie/,
  );
  assert.match(output, /img-src/);
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
  const path = tree.exists('projects/shop/src/app/app.module.ts')
    ? 'projects/shop/src/app/app.module.ts'
    : 'projects/shop/src/app/app-module.ts';
  const text = tree.readText(path);
  assert.match(text, /import \{ GenesysChatModule \} from 'ngx-genesys-chat';/);
  assert.match(
    text,
    /GenesysChatModule\.forRoot\(\{ deploymentId: '[^']+', region: 'us-east-1' \}\)/,
  );
});

test('refuses a bad deployment id or region with a message that says what to give', async () => {
  const tree = await app(true);
  await assert.rejects(
    runner.runSchematic(
      'ng-add',
      { project: 'shop', deploymentId: 'abc', region: 'eu-west-1' },
      tree,
    ),
    /deployment UUID/,
  );
  await assert.rejects(
    runner.runSchematic(
      'ng-add',
      { project: 'shop', deploymentId: DEPLOYMENT, region: 'mars-1' },
      tree,
    ),
    /region.*allowed values|allowed values/s,
  );
  await assert.rejects(
    runner.runSchematic(
      'ng-add',
      { project: 'shop', deploymentId: DEPLOYMENT, region: 'eu-west-1', environment: 'prod' },
      tree,
    ),
    /exactly one of --region/,
  );
});

test("the schematic's region table matches Genesys' service-discovery package", () => {
  const { REGIONS } = require(resolve(root, 'dist/ngx-genesys-chat/schematics/ng-add/regions.cjs'));
  const { getEnvironments } = require('genesys-cloud-service-discovery-web');
  const upstream = getEnvironments().map((e) => ({
    region: e.region,
    environment: e.name,
    domain: e.publicDomainName,
  }));
  const sort = (rows) => [...rows].sort((a, b) => a.environment.localeCompare(b.environment));
  assert.deepEqual(sort(REGIONS), sort(upstream));
});
