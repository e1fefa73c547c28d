// `npm start`: builds the library, the emulator and the demo, starts the Genesys emulator on
// 127.0.0.1:8787 and serves the demo on 127.0.0.1:4200. One Ctrl-C stops everything.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { serveDemo } from '../e2e/serve.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
if (!skipBuild) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const require = createRequire(import.meta.url);
const { startEmulator, loadEmulatorConfig } = require(
  resolve(root, 'dist/genesys-emulator/index.js'),
);
const config = loadEmulatorConfig(resolve(root, 'projects/genesys-emulator/emulator.config.json'));
const emulator = await startEmulator({ ...config, port: 8787, quiet: true });
const demo = await serveDemo({ port: 4200, root: resolve(root, 'dist/demo/browser') });

console.log(`
  Demo (Acme CRM):        ${demo.url}/
  Genesys emulator:       ${emulator.url}
  Emulator agent page:    ${emulator.url}/emulator/
  Emulator admin token:   ${emulator.token}
                          (new at every start; the agent page has it already. Scripts send it as
                          the X-Emulator-Token header to /emulator/conversations, /faults, /reset.)

  Click "Chat" for Ada (premium), type a message in the Messenger panel, and watch
  "What Genesys received" show the attributes and the queue. Ctrl-C stops everything.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.all([demo.close(), emulator.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
