// Heap snapshots over the Chrome DevTools Protocol, summarised by constructor name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Takes a heap snapshot (HeapProfiler.takeHeapSnapshot, after a forced GC) and returns, for each
 * `type:name` (for an object its constructor's name, for a closure its function's name), the count
 * of live nodes and their shallow size.
 */
export async function heapSummary(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', {
      reportProgress: false,
      captureNumericValue: false,
    });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const { snapshot, nodes, strings } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const summary = new Map();
  for (let i = 0; i < nodes.length; i += width) {
    // DOM nodes are named with their attributes (<button class="x">); keep the tag only, so a class
    // attribute does not make the same element look like a different kind.
    const name = strings[nodes[i + nameAt]].replace(/^(Detached )?<([\w-]+)[^>]*>$/, '$1<$2>');
    const key = `${types[nodes[i + typeAt]]}:${name}`;
    const entry = summary.get(key) ?? summary.set(key, { count: 0, size: 0 }).get(key);
    entry.count++;
    entry.size += nodes[i + sizeAt];
  }
  return summary;
}

/** Live instances of the class `name` (an esbuild build may suffix a renamed class: Foo2). */
export function instancesOf(summary, name) {
  let count = 0;
  for (const [key, { count: c }] of summary) {
    if (key === `object:${name}` || new RegExp(`^object:${name}\\d+$`).test(key)) count += c;
  }
  return count;
}

/**
 * Every class the library's runtime entry points declare, read from the built FESM files
 * (the testing entry is left out: no app ships it). Read from the build, so a class added or
 * renamed in the library is checked without editing the benchmark.
 */
export function libraryClassNames(root) {
  const dir = join(root, 'dist/ngx-genesys-chat/fesm2022');
  const names = new Set();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.mjs') || file.includes('testing')) continue;
    // Declarations only (a line that starts with `class X`), not the word "class" in comments.
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/^\s*(?:export\s+)?class\s+([A-Za-z_$][\w$]*)/gm))
      names.add(m[1]);
  }
  return [...names].sort();
}

/** What n more instances of something add, per instance: the node kinds that grew by >= n/2. */
export function perInstance(before, after, n) {
  const rows = [];
  for (const [key, a] of after) {
    const b = before.get(key) ?? { count: 0, size: 0 };
    const count = a.count - b.count;
    if (count >= n / 2)
      rows.push({ kind: key, perInstance: count / n, bytesPerInstance: (a.size - b.size) / n });
  }
  return rows.sort((x, y) => y.bytesPerInstance - x.bytesPerInstance);
}
