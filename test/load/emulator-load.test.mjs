// npm run test:load: 200 concurrent guest sessions x 20 messages through the emulator's Guest API,
// on loopback only, bounded in count and time. Nothing may be lost or reordered, and every
// session's attributes must arrive intact on its own conversation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { checkDelivery, runGuestLoad } from '../../bench/lib/emulator-load.mjs';

const require = createRequire(import.meta.url);
const { startEmulator } = require(
  resolve(import.meta.dirname, '../../dist/genesys-emulator/index.js'),
);
const DEPLOYMENT = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
const SESSIONS = Number(process.env.LOAD_SESSIONS ?? 200);
const MESSAGES = Number(process.env.LOAD_MESSAGES ?? 20);

test(`${SESSIONS} concurrent guest sessions x ${MESSAGES} messages: nothing lost or reordered, attributes intact`, async () => {
  const emulator = await startEmulator({
    port: 0,
    quiet: true,
    deployments: [{ id: DEPLOYMENT, allowedDomains: ['127.0.0.1'] }],
    // Each session sends back to back; the per-session rate limit has its own tests.
    rateLimitPerSecond: 10_000,
  });
  try {
    const run = await runGuestLoad(emulator.url, DEPLOYMENT, {
      sessions: SESSIONS,
      messages: MESSAGES,
      deadlineMs: 60_000,
    });
    assert.deepEqual(run.errors, []);
    assert.equal(run.delivered, SESSIONS * MESSAGES);
    const conversations = emulator.conversations();
    assert.equal(conversations.length, SESSIONS);
    assert.deepEqual(checkDelivery(conversations, run.expected), []);
    console.log(
      `load: ${run.delivered} messages in ${Math.round(run.wallMs)} ms = ${Math.round(run.messagesPerSecond)} messages/s; ` +
        `latency p50 ${run.p50Ms.toFixed(2)} ms, p99 ${run.p99Ms.toFixed(2)} ms`,
    );
  } finally {
    await emulator.close();
  }
});
