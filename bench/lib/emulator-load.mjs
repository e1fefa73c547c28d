// Drives the emulator's Guest API with many concurrent guest sessions, on loopback only, bounded
// in count and time. Used by the throughput benchmark and by the load test (npm run test:load).
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { median, percentile } from './stats.mjs';

/**
 * Each session connects, configures, then sends `messages` texts one after the other (waiting for
 * each echo), with custom attributes on the first. Returns latency figures and, for checking,
 * every session's expected attributes and texts.
 */
export async function runGuestLoad(
  emulatorUrl,
  deploymentId,
  { sessions = 200, messages = 20, deadlineMs = 60_000 } = {},
) {
  const latencies = [];
  const expected = [];
  const errors = [];
  const wsUrl = `${emulatorUrl.replace(/^http/, 'ws')}/v1?deploymentId=${deploymentId}`;
  const deadline = Date.now() + deadlineMs;

  async function session(index) {
    const token = randomUUID();
    const attributes = {
      crmCustomerId: `CRM-LOAD-${index}`,
      customerTier: index % 2 ? 'premium' : 'standard',
    };
    const texts = Array.from({ length: messages }, (_, i) => `s${index}-m${i}`);
    expected.push({ token, attributes, texts });
    const ws = new WebSocket(wsUrl, { origin: 'http://127.0.0.1' });
    const waiting = new Map();
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString());
      const done = frame.tracingId && waiting.get(frame.tracingId);
      if (done) {
        waiting.delete(frame.tracingId);
        done(frame);
      }
    });
    const request = (body) =>
      new Promise((resolve, reject) => {
        const tracingId = randomUUID();
        const timer = setTimeout(
          () => reject(new Error(`session ${index}: no answer`)),
          Math.max(1, deadline - Date.now()),
        );
        waiting.set(tracingId, (frame) => {
          clearTimeout(timer);
          resolve(frame);
        });
        ws.send(JSON.stringify({ token, tracingId, ...body }));
      });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    try {
      const session = await request({ action: 'configureSession', deploymentId });
      if (session.class !== 'SessionResponse')
        throw new Error(`session ${index}: ${session.class}`);
      for (let i = 0; i < texts.length; i++) {
        const message = { type: 'Text', text: texts[i] };
        if (i === 0) message.channel = { metadata: { customAttributes: attributes } };
        const t0 = performance.now();
        const echo = await request({ action: 'onMessage', message });
        latencies.push(performance.now() - t0);
        if (echo.class !== 'StructuredMessage' || echo.body.text !== texts[i]) {
          throw new Error(`session ${index}: message ${i} answered ${echo.class} ${echo.code}`);
        }
      }
    } finally {
      ws.close();
    }
  }

  const t0 = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: sessions }, (_, i) => session(i)));
  const wallMs = performance.now() - t0;
  for (const o of outcomes) if (o.status === 'rejected') errors.push(String(o.reason));
  return {
    sessions,
    messagesPerSession: messages,
    delivered: latencies.length,
    wallMs,
    messagesPerSecond: (latencies.length / wallMs) * 1000,
    p50Ms: median(latencies),
    p99Ms: percentile(latencies, 99),
    errors,
    expected,
  };
}

/** Compares what the emulator stored with what the guests sent: nothing lost, nothing reordered, attributes intact. */
export function checkDelivery(conversations, expected) {
  const problems = [];
  for (const e of expected) {
    const matches = conversations.filter(
      (c) => c.attributes.crmCustomerId === e.attributes.crmCustomerId,
    );
    if (matches.length !== 1) {
      problems.push(`${e.attributes.crmCustomerId}: ${matches.length} conversations`);
      continue;
    }
    const [c] = matches;
    if (JSON.stringify(c.attributes) !== JSON.stringify(e.attributes))
      problems.push(`${e.attributes.crmCustomerId}: attributes differ`);
    const texts = c.messages.filter((m) => m.direction === 'Inbound').map((m) => m.text);
    if (JSON.stringify(texts) !== JSON.stringify(e.texts))
      problems.push(`${e.attributes.crmCustomerId}: messages lost or reordered`);
  }
  return problems;
}
