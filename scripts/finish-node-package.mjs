// Completes a compiled Node package in dist/: its package.json and an executable CLI.
// usage: node scripts/finish-node-package.mjs <project> [extra files to copy…]
import { chmodSync, copyFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [name, ...extra] = process.argv.slice(2);
const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist', name);
for (const file of ['package.json', ...extra]) copyFileSync(resolve(root, 'projects', name, file), resolve(dist, file));
chmodSync(resolve(dist, 'cli.js'), 0o755);
