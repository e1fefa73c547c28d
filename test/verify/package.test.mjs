// The verifier's npm package as built in dist/: it ships its own README, and everything it
// requires at run time is a Node built-in or a declared dependency (so an installed copy works).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, 'dist/genesys-chat-verify');

test('npm pack lists README.md, and it is the project README', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dist,
    encoding: 'utf8',
  });
  const files = JSON.parse(out)[0].files.map((f) => f.path);
  assert.ok(files.includes('README.md'), `packed: ${files.join(', ')}`);
  assert.ok(files.includes('cli.js'));
  assert.equal(
    readFileSync(resolve(dist, 'README.md'), 'utf8'),
    readFileSync(resolve(root, 'projects/genesys-chat-verify/README.md'), 'utf8'),
  );
});

test('every module the built package requires is a built-in, a file of its own, or a declared dependency', () => {
  const { dependencies = {} } = JSON.parse(readFileSync(resolve(dist, 'package.json'), 'utf8'));
  for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
    const source = readFileSync(resolve(dist, file), 'utf8');
    for (const [, name] of source.matchAll(/require\("([^"]+)"\)/g)) {
      if (name.startsWith('./') || name.startsWith('node:') || builtinModules.includes(name))
        continue;
      const pkg = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0];
      assert.ok(Object.hasOwn(dependencies, pkg), `${file} requires ${name}, not in dependencies`);
    }
  }
});
