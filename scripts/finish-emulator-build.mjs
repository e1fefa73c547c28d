// Completes dist/genesys-emulator as an installable package: its package.json, an executable CLI,
// and the stand-in bootstrap under the name pages load.
import { chmodSync, copyFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist/genesys-emulator');
copyFileSync(
  resolve(root, 'projects/genesys-emulator/package.json'),
  resolve(dist, 'package.json'),
);
copyFileSync(
  resolve(root, 'projects/genesys-emulator/emulator.config.json'),
  resolve(dist, 'emulator.config.json'),
);
chmodSync(resolve(dist, 'cli.js'), 0o755);
