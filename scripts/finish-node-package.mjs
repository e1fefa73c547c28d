// Completes a compiled Node package in dist/: its package.json, the project's own README.md when
// it has one (npm shows it on the registry page and ships it in the tarball), any extra files,
// and an executable CLI.
// usage: node scripts/finish-node-package.mjs <project> [extra files to copy…]
import { chmodSync, copyFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const [name, ...extra] = process.argv.slice(2);
if (!name) throw new Error('usage: node scripts/finish-node-package.mjs <project> [extra files…]');
const root = resolve(import.meta.dirname, '..');
const project = resolve(root, 'projects', name);
const dist = resolve(root, 'dist', name);
const readme = existsSync(resolve(project, 'README.md')) ? ['README.md'] : [];
for (const file of ['package.json', ...readme, ...extra])
  copyFileSync(resolve(project, file), resolve(dist, file));
chmodSync(resolve(dist, 'cli.js'), 0o755);
