// The README the package ships is made from the repository's README at build time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageReadme } from '../../scripts/package-readme.mjs';
import { relativeLinks } from '../../scripts/doc-snippets.mjs';

const root = resolve(import.meta.dirname, '../..');

test('drops the repository-only block, keeps in-page anchors, turns relative links into file names', () => {
  const out = packageReadme(
    [
      '# x',
      '<!-- repo-only -->',
      'Run `npm start` in the clone.',
      '<!-- /repo-only -->',
      'See [the set-up guide](docs/genesys-setup.md#launcher), [Errors](#errors) and [npm](https://www.npmjs.com/).',
      'Also [docs/security.md](docs/security.md).',
    ].join('\n'),
  );
  assert.doesNotMatch(out, /npm start|repo-only/);
  assert.match(out, /the set-up guide \(`docs\/genesys-setup\.md` in the source repository\)/);
  assert.match(out, /\[Errors\]\(#errors\)/);
  assert.match(out, /\[npm\]\(https:\/\/www\.npmjs\.com\/\)/);
  assert.match(out, /Also docs\/security\.md\./);
});

test("the repository README becomes a packaged README with no link that breaks on a registry page", () => {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  assert.ok(relativeLinks(readme).length > 0, 'the repository README links its docs');
  const out = packageReadme(readme);
  assert.deepEqual(relativeLinks(out), []);
  assert.match(out, /## A complete component/);
  assert.doesNotMatch(out, /npm ci && npm start/);
});

test('the README stays a short user path (at most 16 KB; contributor material goes in CONTRIBUTING.md)', () => {
  const bytes = Buffer.byteLength(readFileSync(resolve(root, 'README.md'), 'utf8'));
  assert.ok(bytes <= 16_384, `README.md is ${bytes} bytes: move detail into docs/ and link it`);
});
