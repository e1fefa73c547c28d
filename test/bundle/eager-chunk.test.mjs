// The rule that keeps the engine lazy (docs/performance.md, "How the chunking was solved"):
// nothing the primary entry point reaches statically may be a module that only the lazy engine
// needs. esbuild assigns whole files to chunks, so a lazy module that ng-packagr bundles into the
// entry's file ends up in every app's initial chunk. Checked on the built package (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const fesm = resolve(import.meta.dirname, '../../dist/ngx-genesys-chat/fesm2022');

/**
 * Library source modules in the files an entry imports statically (import() is not followed);
 * `sources.entries` holds the other entry points (`ngx-genesys-chat/...`) those files import.
 */
function eagerSources(entryFile) {
  const seen = new Set();
  const sources = new Set();
  const entries = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(fesm, file), 'utf8');
    const map = join(fesm, `${file}.map`);
    if (existsSync(map)) {
      for (const s of JSON.parse(readFileSync(map, 'utf8')).sources)
        sources.add(s.replace(/^.*projects\/ngx-genesys-chat\//, ''));
    }
    for (const m of code.matchAll(
      /(?:^|[;\s])(?:import|export)\s[^'"]*?from\s*['"]\.\/([^'"]+)['"]/g,
    ))
      visit(m[1]);
    for (const m of code.matchAll(/(?:^|[;\s])import\s*['"]\.\/([^'"]+)['"]/g)) visit(m[1]);
    for (const m of code.matchAll(
      /(?:^|[;\s])(?:import|export)\s[^'"]*?from\s*['"](ngx-genesys-chat\/[^'"]+)['"]/g,
    ))
      entries.add(m[1]);
  };
  visit(entryFile);
  return Object.assign(sources, { entries, files: seen });
}

// Modules only the lazily loaded engine (or engine kit) needs.
const LAZY_ONLY = [
  'src/lib/config/resolve-config.ts',
  'src/lib/service/config-cache.ts',
  'src/lib/errors/errors.ts',
  'src/lib/attributes/pii-guard.ts',
  'src/lib/attributes/build-attributes.ts',
  'src/lib/service/attribute-sync.ts',
  'src/lib/service/chat-input.ts',
  'src/lib/service/genesys-chat-engine.ts',
  'src/lib/service/readiness.ts',
  'src/lib/messenger/genesys-script-loader.ts',
  'messaging-widget/src/messaging-widget-engine.ts',
];

for (const entry of ['ngx-genesys-chat.mjs', 'ngx-genesys-chat-messaging-widget.mjs']) {
  test(`${entry}: statically reaches none of the engine's lazy modules`, () => {
    const sources = eagerSources(entry);
    assert.ok(sources.size > 0, 'no source map found: build the library first (npm run build)');
    assert.deepEqual(
      LAZY_ONLY.filter((m) => sources.has(m)),
      [],
      'these lazy modules are bundled into a file the entry imports statically',
    );
  });
}

test('ngx-genesys-chat.mjs: statically imports no region table (ngx-genesys-chat/regions is lazy)', () => {
  const { entries, files } = eagerSources('ngx-genesys-chat.mjs');
  assert.ok(!entries.has('ngx-genesys-chat/regions'), [...entries].join(', '));
  // A lazy chunk of the primary does import it: the check above is about where, not whether.
  const lazy = readdirSync(fesm).filter(
    (f) => f.startsWith('ngx-genesys-chat-') && f.endsWith('.mjs') && !files.has(f),
  );
  assert.ok(
    lazy.some((f) =>
      readFileSync(join(fesm, f), 'utf8').includes("from 'ngx-genesys-chat/regions'"),
    ),
    `no lazy chunk imports the region table: ${lazy.join(', ')}`,
  );
});

test('the check sees the eager modules it should (so an empty result means something)', () => {
  const sources = eagerSources('ngx-genesys-chat.mjs');
  for (const m of [
    'src/lib/service/genesys-chat.service.ts',
    'src/lib/directive/genesys-start-chat.directive.ts',
    'src/lib/errors/genesys-chat-error.ts',
  ])
    assert.ok(sources.has(m), `${m} should be eager`);
});
