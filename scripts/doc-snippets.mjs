// The code blocks of the docs, as files a fresh Angular app can compile (scripts/consumer-app.mjs).
// A user pastes these blocks; each must compile as written, so none is edited on the way in.
//
// Rules (also in CONTRIBUTING.md, "Documentation snippets"):
//   - ```ts / ```typescript and ```html blocks are checked; other languages are not code to paste.
//   - `<!-- fragment -->` on the line before a block, or `fragment` in its info string, skips it.
//   - A ts block whose first line is `// src/…/name.ts` is written to that path (inside the doc's
//     own folder, so one doc's `./support-chat` import finds that doc's component).
//   - `<!-- template-for: ClassName -->` before an html block compiles it as the template of a
//     component extending that class (from a ts block of the same doc), so bindings are checked.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const FENCE = /^```\s*([\w-]*)([^\n]*)\n([\s\S]*?)^```\s*$/gm;
const PATH_COMMENT = /^\/\/ (src\/[\w./-]+\.ts)\s*$/;

/** Every ts/html block of one markdown file, with what the comment before it says. */
export function blocksOf(markdown) {
  const blocks = [];
  for (const m of markdown.matchAll(FENCE)) {
    const lang = m[1].toLowerCase();
    if (!['ts', 'typescript', 'html'].includes(lang)) continue;
    const before = markdown.slice(0, m.index).trimEnd().split('\n').at(-1) ?? '';
    const line = markdown.slice(0, m.index).split('\n').length;
    const templateFor = /<!--\s*template-for:\s*(\w+)\s*-->/.exec(before)?.[1];
    const fragment = /<!--\s*fragment\s*-->/.test(before) || /\bfragment\b/.test(m[2]);
    blocks.push({ lang: lang === 'html' ? 'html' : 'ts', code: m[3], line, templateFor, fragment });
  }
  return blocks;
}

const slug = (doc) => doc.replace(/\.md$/i, '').replace(/[^\w]+/g, '-').toLowerCase();
const escapeTemplate = (html) => html.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${');

/**
 * Writes the blocks of `docs` (paths relative to `root`) under `<app>/src/docs/<doc>/` and
 * returns `{ files, specs, report }`: the files to compile, the spec files, and per doc how
 * many blocks were checked and skipped.
 */
export function writeSnippets(root, docs, app) {
  const report = [];
  const files = [];
  const specs = [];
  for (const doc of docs) {
    const dir = join(app, 'src/docs', slug(doc));
    const blocks = blocksOf(readFileSync(join(root, doc), 'utf8'));
    const classes = new Map(); // exported class name -> module path (no extension)
    const entry = { doc, checked: 0, skipped: 0 };
    const pending = [];
    blocks.forEach((block, i) => {
      if (block.fragment) return void entry.skipped++;
      entry.checked++;
      if (block.lang === 'html') return void pending.push({ block, i });
      const named = PATH_COMMENT.exec(block.code.split('\n')[0])?.[1];
      const spec = /\bdescribe\(/.test(block.code);
      const file = join(dir, named ?? `src/block-${i + 1}${spec ? '.spec' : ''}.ts`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `// ${doc}:${block.line}\n${block.code}`);
      (spec ? specs : files).push({ file, doc, line: block.line });
      for (const c of block.code.matchAll(/export class (\w+)/g))
        classes.set(c[1], file.replace(/\.ts$/, ''));
    });
    for (const { block, i } of pending) {
      const file = join(dir, `src/template-${i + 1}.ts`);
      const base = block.templateFor;
      if (base && !classes.has(base))
        throw new Error(`${doc}:${block.line}: template-for ${base}, but no ts block exports it`);
      const rel = base ? relative(dirname(file), classes.get(base)) : '';
      const from = rel.startsWith('.') ? rel : `./${rel}`;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(
        file,
        [
          `// ${doc}:${block.line}: an html block, compiled as a component template`,
          `import { Component } from '@angular/core';`,
          `import { GenesysStartChatDirective } from 'ngx-genesys-chat';`,
          base ? `import { ${base} } from '${from}';` : '',
          `@Component({ selector: 'doc-template-${i + 1}', imports: [GenesysStartChatDirective], template: \`${escapeTemplate(block.code)}\` })`,
          `export class DocTemplate${i + 1}${base ? ` extends ${base}` : ''} {}`,
          '',
        ].join('\n'),
      );
      files.push({ file, doc, line: block.line });
    }
    report.push(entry);
  }
  return { files, specs, report };
}

/** A one-line summary per doc, for the log. */
export function describeReport(report) {
  return report
    .map((r) => `  ${r.doc}: ${r.checked} checked, ${r.skipped} fragments skipped`)
    .join('\n');
}

/** The docs whose blocks a user would paste into an Angular app. */
export function userDocs(root) {
  const docs = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs.sort()];
}

/** Links that would break on a registry page: anything but https:, mailto: and in-page anchors. */
export function relativeLinks(markdown) {
  return [...markdown.matchAll(/\]\(([^)\s]+)[^)]*\)/g)]
    .map((m) => m[1])
    .filter((href) => !/^(https:|mailto:|#)/.test(href));
}

export const RUNS = 20;

/**
 * In the fresh app at `app`: compiles every block of the docs (and of the README the package
 * ships) with the app's own ngc and strict templates, then runs the README's spec blocks with
 * the app's default test runner, `ng test` (Vitest), as RUNS copies: Vitest has no global
 * repeat option (only a per-test one), and each copy runs in its own isolated environment.
 */
export function checkDocs({ root, app, env }) {
  const shipped = 'node_modules/ngx-genesys-chat/README.md';
  const links = relativeLinks(readFileSync(join(app, shipped), 'utf8'));
  if (links.length) throw new Error(`the packaged README has links that break on a registry page: ${links.join(', ')}`);

  const docs = userDocs(root).map((doc) => ({ doc, from: root }));
  docs.push({ doc: shipped, from: app });
  const all = { files: [], specs: [], report: [] };
  for (const { doc, from } of docs) {
    const out = writeSnippets(from, [doc], app);
    for (const k of Object.keys(all)) all[k].push(...out[k]);
  }
  writeFileSync(
    join(app, 'tsconfig.docs.json'),
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { rootDir: '.', outDir: './out-tsc/docs', types: ['vitest/globals'] },
      include: ['src/docs/**/*.ts'],
    }),
  );
  // Both checks run even if the first fails, so one slow run reports every broken block.
  const failures = [];
  try {
    execFileSync(join(app, 'node_modules/.bin/ngc'), ['-p', 'tsconfig.docs.json'], {
      cwd: app, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const output = `${e.stdout}${e.stderr}`;
    console.log(output);
    const broken = [...all.files, ...all.specs]
      .filter(({ file }) => output.includes(relative(app, file)))
      .map(({ doc, line }) => `${doc}:${line}`);
    failures.push(`doc snippets do not compile: ${broken.join(', ') || 'see the errors above'} (fix the block, or mark it <!-- fragment -->)`);
  }
  const checked = all.report.reduce((n, r) => n + r.checked, 0);
  const skipped = all.report.reduce((n, r) => n + r.skipped, 0);
  console.log(`doc snippets: ${checked} compiled, ${skipped} fragments skipped\n${describeReport(all.report)}`);

  const readmeSpecs = all.specs.filter((s) => s.doc === 'README.md');
  if (!readmeSpecs.length) throw new Error('the README has no test example (a ts block with describe())');
  for (const { file } of readmeSpecs) {
    const code = readFileSync(file, 'utf8');
    for (let i = 1; i <= RUNS; i++)
      writeFileSync(file.replace(/\.spec\.ts$/, `.run-${String(i).padStart(2, '0')}.spec.ts`), code);
    rmSync(file);
  }
  const t0 = performance.now();
  let output;
  try {
    output = execFileSync(
      join(app, 'node_modules/.bin/ng'),
      ['test', '--watch=false', '--include', 'src/docs/readme/**/*.spec.ts'],
      { cwd: app, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (e) {
    output = `${e.stdout}\n${e.stderr}`;
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const files = RUNS * readmeSpecs.length;
  if (!new RegExp(`Test Files\\s+${files} passed \\(${files}\\)`).test(output)) {
    console.log(output.length > 12000 ? `…${output.slice(-12000)}` : output);
    failures.push(`the README's test example did not pass ${RUNS} runs under ng test (output above)`);
  }
  console.log(output.split('\n').filter((l) => /^\s*(Test Files|Tests|Duration)\s/.test(l)).join('\n'));
  if (failures.length) throw new Error(failures.join('; '));
  const tests = /Tests\s+(\d+) passed/.exec(output)?.[1];
  return { report: all.report, checked, skipped, runs: RUNS, tests, seconds };
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const anchorsOf = (markdown) =>
  new Set(
    [...markdown.replace(FENCE, '').matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
      m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'),
    ),
  );

/** Relative links and anchors in `docs` that lead nowhere, as `doc: target`. */
export function brokenLinks(root, docs) {
  const broken = [];
  for (const doc of docs) {
    const text = readFileSync(join(root, doc), 'utf8');
    for (const m of text.replace(FENCE, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      const [path, anchor] = m[1].split('#');
      if (/^[a-z]+:/.test(path)) continue;
      const target = path ? join(dirname(join(root, doc)), path) : join(root, doc);
      if (!existsSync(target)) broken.push(`${doc}: ${m[1]}`);
      else if (anchor && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(anchor))
        broken.push(`${doc}: ${m[1]} (no such heading)`);
    }
  }
  return broken;
}
