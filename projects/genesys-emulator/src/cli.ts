#!/usr/bin/env node
import { resolve } from 'node:path';
import { loadEmulatorConfig } from './config';
import { startEmulator } from './emulator';

const USAGE = `usage: genesys-emulator [--port 8787] [--host 127.0.0.1] --config emulator.config.json

Serves a local stand-in for Genesys Cloud Web Messaging: the Messenger bootstrap at
/genesys-bootstrap/genesys.min.js, deployment config, the Guest API WebSocket at /v1,
GET /api/v2/conversations/{id}, POST /oauth/token, an agent page at /emulator/ and
fault controls at POST /emulator/faults.

It prints an admin token at start: /emulator/conversations, /emulator/faults, /emulator/reset and
agent replies need it in the X-Emulator-Token header (the agent page has it already), and POSTs
must be Content-Type: application/json. The config's "origins" (exact page origins) may read
/oauth/token and /api/v2/* cross-origin; "hosts" adds names the Host header may carry besides
localhost, 127.0.0.1 and ::1.`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const configPath = option(args, '--config');
  if (!configPath) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const config = loadEmulatorConfig(resolve(configPath));
  const emulator = await startEmulator({
    ...config,
    port: Number(option(args, '--port') ?? 8787),
    host: option(args, '--host') ?? '127.0.0.1',
  });
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`genesys-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
