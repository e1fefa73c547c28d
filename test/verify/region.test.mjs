// --region: the host comes from the library's region table (projects/ngx-genesys-chat/regions/src/regions.ts),
// always over https; unknown names (and prototype keys) are usage errors that list the valid names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { argsFor, runCli } from './helpers.mjs';

/** The library's single region table, compiled from its TypeScript source. */
async function libraryRegions() {
  const file = resolve(
    import.meta.dirname,
    '../../projects/ngx-genesys-chat/regions/src/regions.ts',
  );
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const mod = await import(
    `data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`
  );
  return mod.GENESYS_REGIONS;
}

test('every region of the library table logs in at https://login.<domain> (port 443), nothing else', async () => {
  const regions = await libraryRegions();
  assert.equal(regions.length, 17);
  for (const { region, domain } of regions) {
    const run = await runCli(argsFor(['--region', region]));
    assert.equal(run.code, 2, run.output); // refused locally by the guard
    assert.deepEqual(run.blocked, [`login.${domain}:443`], region);
    assert.match(run.stderr, /network/);
  }
});

test('the valid region names the CLI lists are exactly the library table', async () => {
  const names = (await libraryRegions()).map((r) => r.region).sort();
  const run = await runCli(argsFor(['--region', 'eu-west-9']));
  assert.equal(run.code, 2);
  const listed = run.stderr
    .match(/Valid regions: ([^.\n]+)/)?.[1]
    .split(', ')
    .sort();
  assert.deepEqual(listed, names);
});

for (const name of [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'eu_west_1',
  'EU-WEST-1',
  'eusc-de-east-1',
  'eu-west-9',
]) {
  test(`--region ${name} is a usage error listing the valid names, and nothing is sent`, async () => {
    const run = await runCli(argsFor(['--region', name]));
    assert.equal(run.code, 2, run.output);
    assert.match(run.stderr, /Unknown region ".*"\. Valid regions: .*eu-west-1/);
    assert.doesNotMatch(run.output, /Unexpected failure/);
    assert.deepEqual(run.blocked, []);
  });
}

test('--region and --base-url together is a usage error', async () => {
  const run = await runCli(argsFor(['--region', 'eu-west-1', '--base-url', 'http://127.0.0.1:9']));
  assert.equal(run.code, 2);
  assert.match(run.stderr, /exactly one of --region and --base-url/);
  assert.deepEqual(run.blocked, []);
});
