import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { provideGenesysChat } from 'ngx-genesys-chat';
import type { GenesysChatError, GenesysChatEvent } from 'ngx-genesys-chat';
import { GenesysChatService } from 'ngx-genesys-chat';
import { type MessagingWidgetLike, withMessagingWidget } from './messaging-widget';

/** A widget of the tutorial's shape: on('ready'|'error'), isReady(), startChat(), destroy(). */
class FakeMessagingWidget implements MessagingWidgetLike {
  readonly started: { customAttributes: Record<string, string>; user?: { id: string } }[] = [];
  destroyed = 0;
  ready = false;
  failNextStart: unknown = null;
  private readonly listeners = new Map<string, ((arg?: unknown) => void)[]>();
  on(event: 'ready' | 'error', listener: (arg?: unknown) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  isReady(): boolean {
    return this.ready;
  }
  startChat(payload: {
    customAttributes: Record<string, string>;
    user?: { id: string };
  }): Promise<void> {
    if (this.failNextStart) {
      const reason = this.failNextStart;
      this.failNextStart = null;
      return Promise.reject(reason);
    }
    this.started.push(payload);
    return Promise.resolve();
  }
  destroy(): void {
    this.destroyed++;
  }
  fire(event: 'ready' | 'error', arg?: unknown): void {
    if (event === 'ready') this.ready = true;
    this.listeners.get(event)?.forEach((l) => l(arg));
  }
}

function setup(widget = new FakeMessagingWidget(), readyTimeoutMs = 15000) {
  const created: unknown[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideGenesysChat(
        {
          deploymentId: '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f',
          region: 'us-east-1',
          load: 'manual',
          readyTimeoutMs,
        },
        withMessagingWidget((config) => {
          created.push(config.deploymentId);
          return widget;
        }),
      ),
    ],
  });
  return { service: TestBed.inject(GenesysChatService), widget, created };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('withMessagingWidget (the tutorial widget shape as a driver)', () => {
  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it("maps the CRM customer onto customAttributes and user.id, the tutorial's way", async () => {
    const { service, widget, created } = setup();
    const started = service.startChat(
      { id: 'CRM-12345-XYZ', tier: 'premium' },
      { attributes: { source: 'web-portal' } },
    );
    await flush();
    widget.fire('ready');
    const result = await started;
    expect(created).toEqual(['3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f']);
    expect(widget.started).toEqual([
      {
        customAttributes: {
          crmCustomerId: 'CRM-12345-XYZ',
          customerTier: 'premium',
          source: 'web-portal',
        },
        user: { id: 'CRM-12345-XYZ' },
      },
    ]);
    expect(result.attributes).toEqual({
      crmCustomerId: 'CRM-12345-XYZ',
      customerTier: 'premium',
      source: 'web-portal',
    });
    expect(service.status()).toBe('open');
  });

  it('keeps the readiness timeout: READY_TIMEOUT when the widget never says ready', async () => {
    jest.useFakeTimers();
    const { service } = setup(new FakeMessagingWidget(), 2000);
    const error = jest.fn();
    service.ready$.subscribe({ error });
    await jest.advanceTimersByTimeAsync(1999);
    expect(error).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect((error.mock.calls[0][0] as GenesysChatError).code).toBe('READY_TIMEOUT');
    expect(service.status()).toBe('failed');
  });

  it('applies the same attribute rules: bad input gets a typed error and the widget gets nothing', async () => {
    const { service, widget } = setup();
    widget.ready = true;
    await expect(
      service.startChat({ id: 'C1', attributes: { email: 'jane@example.com' } }),
    ).rejects.toMatchObject({ code: 'PII_REJECTED', key: 'email' });
    await expect(service.startChat('')).rejects.toMatchObject({ code: 'INVALID_CUSTOMER_ID' });
    expect(widget.started).toEqual([]);
  });

  it("reports the widget's failures typed: a rejected startChat and an 'error' event", async () => {
    const { service, widget } = setup();
    widget.ready = true;
    const events: GenesysChatEvent[] = [];
    service.events$.subscribe((e) => events.push(e));
    widget.failNextStart = 'quota';
    await expect(service.startChat('C1')).rejects.toMatchObject({
      code: 'COMMAND_REJECTED',
      command: 'MessagingWidget.startChat',
    });
    expect(service.status()).toBe('ready');
    await flush();
    widget.fire('error', { message: 'socket closed' });
    expect(events.map((e) => e.type === 'error' && e.error.code)).toEqual(['MESSENGER_ERROR']);
  });

  it('a retried load does not stack widget listeners: one widget error is one event', async () => {
    jest.useFakeTimers();
    const { service, widget } = setup(new FakeMessagingWidget(), 1000);
    const events: GenesysChatEvent[] = [];
    service.events$.subscribe((e) => events.push(e));
    for (let i = 0; i < 3; i++) {
      const attempt = service.load().catch((e: GenesysChatError) => e.code);
      await jest.advanceTimersByTimeAsync(1000);
      await expect(attempt).resolves.toBe('READY_TIMEOUT');
    }
    widget.fire('error', 'boom');
    expect(events.map((e) => e.type)).toEqual(['error']);
  });

  it('leaves no readiness timer when the app is destroyed while the widget is loading', async () => {
    jest.useFakeTimers();
    const { service } = setup(new FakeMessagingWidget(), 60_000);
    service.load().catch(() => undefined);
    await jest.advanceTimersByTimeAsync(0);
    expect(jest.getTimerCount()).toBe(1);
    TestBed.resetTestingModule();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('calls destroy() when the app is destroyed', async () => {
    const { service, widget } = setup();
    widget.ready = true;
    await firstValueFrom(service.ready$);
    TestBed.resetTestingModule();
    expect(widget.destroyed).toBe(1);
  });
});

describe('withMessagingWidget under the ordering model (issue 9)', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('never mixes customers: identify(A) then startChat(B) sends exactly B', async () => {
    const { service, widget } = setup();
    widget.ready = true;
    await service.identify({ id: 'A-1', tier: 'premium' });
    await service.setAttributes({ page: 'checkout' });
    const result = await service.startChat('B-2', { attributes: { source: 'web' } });
    expect(widget.started).toEqual([
      { customAttributes: { crmCustomerId: 'B-2', source: 'web' }, user: { id: 'B-2' } },
    ]);
    expect(result.attributes).toEqual({ crmCustomerId: 'B-2', source: 'web' });
  });

  it('sends the identity plus later merges when the start is for the same identity, and reports exactly that', async () => {
    const { service, widget } = setup();
    widget.ready = true;
    const started = service.startChat('A-1');
    await service.setAttributes({ page: 'checkout' });
    const result = await started;
    expect(widget.started[0].customAttributes).toEqual(result.attributes);
    expect(result.attributes).toEqual({ crmCustomerId: 'A-1', page: 'checkout' });
  });

  it('joins identical concurrent starts into one widget.startChat', async () => {
    const { service, widget } = setup();
    widget.ready = true;
    const [a, b] = await Promise.all([service.startChat('A-1'), service.startChat('A-1')]);
    expect(b).toBe(a);
    expect(widget.started).toHaveLength(1);
  });

  it('a start superseded by another customer rejects SUPERSEDED and never reaches the widget', async () => {
    const { service, widget } = setup();
    const first = service.startChat('A-1').catch((e: GenesysChatError) => e.code);
    const second = service.startChat('B-2');
    await flush();
    widget.fire('ready');
    await expect(first).resolves.toBe('SUPERSEDED');
    await expect(second).resolves.toMatchObject({ attributes: { crmCustomerId: 'B-2' } });
    expect(widget.started.map((s) => s.user?.id)).toEqual(['B-2']);
  });

  it('enforces the 2048-byte limit on the merged map and keeps the identity keys out of setAttributes', async () => {
    const { service, widget } = setup();
    widget.ready = true;
    await service.setAttributes({ one: 'x'.repeat(1100) });
    await expect(service.setAttributes({ two: 'y'.repeat(1100) })).rejects.toMatchObject({
      code: 'ATTRIBUTES_TOO_LARGE',
    });
    await expect(service.setAttributes({ customerTier: 'premium' })).rejects.toMatchObject({
      code: 'INVALID_ATTRIBUTES',
      key: 'customerTier',
    });
    expect(widget.started).toEqual([]);
  });

  it('clearIdentity() drops the identity and merges: a later start carries only its own customer', async () => {
    const { service, widget } = setup();
    widget.ready = true;
    await service.identify('A-1');
    await service.setAttributes({ page: 'checkout' });
    await service.clearIdentity();
    await service.startChat('C-3');
    expect(widget.started[0].customAttributes).toEqual({ crmCustomerId: 'C-3' });
  });
});
