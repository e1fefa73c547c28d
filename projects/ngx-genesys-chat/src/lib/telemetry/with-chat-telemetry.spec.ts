import { TestBed } from '@angular/core/testing';
import { FakeGenesys, provideGenesysChatTesting } from 'ngx-genesys-chat/testing';
import { GenesysChatService } from '../service/genesys-chat.service';
import type { GenesysChatTelemetryEvent, GenesysChatTelemetryHandler } from './telemetry-types';
import { withChatTelemetry } from './with-chat-telemetry';

const CUSTOMER = { id: 'CRM-12345-XYZ', tier: 'premium', attributes: { orderRef: 'ORD-981' } };

function setup(handler?: GenesysChatTelemetryHandler) {
  const events: GenesysChatTelemetryEvent[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideGenesysChatTesting({
        features: [withChatTelemetry(handler ?? ((e) => events.push(e)))],
      }),
    ],
  });
  return {
    events,
    chat: TestBed.inject(GenesysChatService),
    genesys: TestBed.inject(FakeGenesys),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('withChatTelemetry', () => {
  it('reports time to ready and from the start to the open panel, and never a value', async () => {
    const { events, chat } = setup();
    await chat.startChat(CUSTOMER);
    await flush();
    expect(events.map((e) => e.type)).toEqual(['ready', 'opened']);
    expect(events[1]).toEqual({ type: 'opened', operation: 'startChat', ms: expect.any(Number) });
    for (const e of events) if ('ms' in e) expect(e.ms).toBeGreaterThanOrEqual(0);
    const text = JSON.stringify(events);
    for (const value of ['CRM-12345-XYZ', 'premium', 'ORD-981']) expect(text).not.toContain(value);
  });

  it('reports a failure by its code and operation, then the retry that loads', async () => {
    const { events, chat, genesys } = setup();
    genesys.failLoad();
    await expect(chat.startChat(CUSTOMER)).rejects.toMatchObject({ code: 'SCRIPT_LOAD_FAILED' });
    await flush();
    expect(events).toEqual([
      {
        type: 'failed',
        operation: 'startChat',
        code: 'SCRIPT_LOAD_FAILED',
        ms: expect.any(Number),
      },
    ]);
    await chat.startChat(CUSTOMER);
    await flush();
    expect(events.slice(1).map((e) => e.type)).toEqual(['retry', 'ready', 'opened']);
    expect(events[1]).toEqual({ type: 'retry', attempt: 1 });
  });

  it('a refused customer is reported by code only, never the value', async () => {
    const { events, chat } = setup();
    await expect(chat.startChat({ id: 'ada@example.com' })).rejects.toBeTruthy();
    await flush();
    expect(events.at(-1)).toMatchObject({ type: 'failed', operation: 'startChat' });
    expect(JSON.stringify(events)).not.toContain('ada@example.com');
  });

  it('a handler that throws never breaks the chat', async () => {
    const { chat, genesys } = setup(() => {
      throw new Error('monitoring is down');
    });
    await expect(chat.startChat(CUSTOMER)).resolves.toBeTruthy();
    expect(genesys.commands.at(-1)?.name).toBe('Messenger.open');
  });
});
