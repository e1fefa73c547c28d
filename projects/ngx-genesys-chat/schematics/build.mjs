// Builds the ng-add schematic into dist/ngx-genesys-chat/schematics (run by build:lib after
// ng build, which wipes dist/ngx-genesys-chat). esbuild bundles index.cts with the library's own
// region table (regions/src/regions.ts) into one CommonJS file, which a "type": "module"
// package needs; schema.json gets its region enums and prompt from that same table.
// Type-checking is `tsc -p projects/ngx-genesys-chat/tsconfig.schematics.json` (no emit).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const here = import.meta.dirname;
const out = resolve(here, '../../../dist/ngx-genesys-chat/schematics');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'ng-add'), { recursive: true });

await build({
  entryPoints: [join(here, 'ng-add/index.cts')],
  outfile: join(out, 'ng-add/index.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external', // @angular-devkit/schematics and @schematics/angular come with the CLI
  logLevel: 'warning',
});

copyFileSync(join(here, 'collection.json'), join(out, 'collection.json'));
const { schemaChoices } = createRequire(import.meta.url)(join(out, 'ng-add/index.cjs'));
const { regions, environments, items } = schemaChoices();
const schema = JSON.parse(readFileSync(join(here, 'ng-add/schema.json'), 'utf8'));
schema.properties.region.enum = regions;
schema.properties.region['x-prompt'].items = items;
schema.properties.environment.enum = environments;
writeFileSync(join(out, 'ng-add/schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
console.log(`ng-add schematic: ${out} (${regions.length} regions from regions/src/regions.ts)`);
