// Bundles the emulator's two browser scripts with esbuild (npm run build:emulator): the bootstrap
// stand-in (genesys-bootstrap.ts and its Messenger UI module) and the agent page. Each becomes one
// classic script (IIFE), because the emulator serves them as plain <script src> files.
// tsc -p tsconfig.browser.json --noEmit type-checks them first; esbuild only strips types.
import { build } from 'esbuild';
import { resolve } from 'node:path';

const here = import.meta.dirname;
const out = resolve(here, '../../dist/genesys-emulator');
const scripts = [
  ['src/bootstrap/genesys-bootstrap.ts', 'bootstrap/genesys-bootstrap.js'],
  ['src/agent/agent-page.ts', 'agent/agent-page.js'],
];
await Promise.all(
  scripts.map(([entry, file]) =>
    build({
      entryPoints: [resolve(here, entry)],
      outfile: resolve(out, file),
      bundle: true,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ),
);
