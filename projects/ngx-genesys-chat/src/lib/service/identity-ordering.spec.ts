import { TestBed } from '@angular/core/testing';
import { FakeGenesys, resetGenesysPage } from '../../test-helpers/fake-genesys';
import { setupService } from '../../test-helpers/setup-service';
import type { GenesysChatConfig } from '../config/genesys-chat-config';
import type { GenesysChatError } from '../errors/genesys-chat-error';
import { GenesysChatService } from './genesys-chat.service';

// Issue 9: the adversarial orderings that put one customer's CRM id on another customer's chat,
// end to end through the service and the in-memory Genesys (whose Database really holds the map).

const deploymentId = '3F1C7D8E-2B4A-4C6D-9E8F-0A1B2C3D4E5F';
const storageKey = `ngx-genesys-chat.identity.${deploymentId.toLowerCase()}`;

function setup(extra: Partial<GenesysChatConfig> = {}) {
  // Spelled in capitals on purpose: the stored identity's key must be lower-cased.
  return setupService({ deploymentId, ...extra });
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: GenesysChatError) => e.code,
  );

/**
 * Loads Messenger; the ready events come when the test says so, Database first and Messenger a
 * moment later, as on a real page (the gap is where the stored identity used to slip in).
 */
async function loading(service: GenesysChatService, fake: FakeGenesys) {
  const loaded = service.load();
  await settle();
  fake.bootstrap();
  return {
    ready: async () => {
      fake.publish('Database.ready', {});
      await settle();
      fake.publish('Messenger.ready', {});
      await loaded;
      await settle();
    },
  };
}

/** The script arrives after a start asked for it; Database is ready a moment before Messenger. */
async function readyLater(fake: FakeGenesys) {
  await settle();
  fake.bootstrap();
  fake.publish('Database.ready', {});
  await settle();
  fake.publish('Messenger.ready', {});
}

describe('identity ordering (issue 9)', () => {
  beforeEach(() => resetGenesysPage());
  afterEach(() => TestBed.resetTestingModule());

  it('identify(A) then startChat(B) before Database.ready: the chat carries exactly B and what startChat reported', async () => {
    const { service, fake } = setup();
    await service.identify({ id: 'A-1', tier: 'premium' });
    // The click loads Messenger; Database is ready a moment before Messenger (reproduced in Chromium).
    const started = service.startChat(
      { id: 'B-2', tier: 'standard' },
      { attributes: { source: 'web' } },
    );
    await readyLater(fake);
    const result = await started;
    await settle(); // everything queued has run: nothing may overwrite B behind the open chat
    const b = { crmCustomerId: 'B-2', customerTier: 'standard', source: 'web' };
    expect(result.attributes).toEqual(b);
    expect(fake.attributes).toEqual(b);
    expect(fake.commands.filter((c) => c.name === 'Messenger.open')).toHaveLength(1);
  });

  it('A, B, A in quick succession: the last call wins, the earlier ones are SUPERSEDED and open nothing', async () => {
    const { service, fake } = setup();
    const page = await loading(service, fake);
    const calls = [service.startChat('A-1'), service.startChat('B-2'), service.startChat('A-1')];
    const outcomes = Promise.all(calls.map(code));
    await page.ready();
    expect(await outcomes).toEqual(['SUPERSEDED', 'SUPERSEDED', 'resolved']);
    await expect(calls[2]).resolves.toMatchObject({ attributes: { crmCustomerId: 'A-1' } });
    expect(fake.attributes).toEqual({ crmCustomerId: 'A-1' });
    expect(fake.commands.filter((c) => c.name === 'Messenger.open')).toHaveLength(1);
  });

  it('clearIdentity() while a start waits for readiness: the start is SUPERSEDED and no CRM id is left', async () => {
    const { service, fake } = setup();
    const page = await loading(service, fake);
    await service.identify({ id: 'A-1', tier: 'premium' });
    const started = code(service.startChat('A-1'));
    const cleared = service.clearIdentity();
    await page.ready();
    await cleared;
    expect(await started).toBe('SUPERSEDED');
    expect(fake.attributes).toEqual({});
    expect(fake.commands.map((c) => c.name)).not.toContain('Messenger.open');
    expect(sessionStorage.getItem(storageKey)).toBeNull();
  });

  it('setAttributes() checks the merged total against 2048 bytes: ATTRIBUTES_TOO_LARGE and nothing sent', async () => {
    const { service, fake } = setup();
    const page = await loading(service, fake);
    await page.ready();
    await service.setAttributes({ one: 'x'.repeat(1100) });
    const sent = fake.commands.length;
    await expect(service.setAttributes({ two: 'y'.repeat(1100) })).rejects.toMatchObject({
      code: 'ATTRIBUTES_TOO_LARGE',
    });
    expect(fake.commands).toHaveLength(sent);
    expect(Object.keys(fake.attributes)).toEqual(['one']);
  });

  it("setAttributes() cannot change the customer's identity: the CRM id and tier keys are refused by name", async () => {
    const { service, fake } = setup();
    const page = await loading(service, fake);
    await page.ready();
    await service.identify('A-1');
    const error: GenesysChatError = await service
      .setAttributes({ crmCustomerId: 'B-2' })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'INVALID_ATTRIBUTES', key: 'crmCustomerId' });
    expect(error.message).not.toContain('B-2');
    expect(fake.attributes).toEqual({ crmCustomerId: 'A-1' });
  });

  it('the stored identity is only the starting point: a newer call before Database.ready is never overwritten by it', async () => {
    await setup().service.identify({ id: 'A-1', tier: 'premium' });
    // A reload: a fresh app and page, the same tab (sessionStorage kept).
    TestBed.resetTestingModule();
    const kept = { ...sessionStorage };
    resetGenesysPage();
    Object.entries(kept).forEach(([k, v]) => sessionStorage.setItem(k, v));
    const { service, fake } = setup();
    const started = service.startChat('B-2', { attributes: { source: 'web' } });
    await readyLater(fake);
    await expect(started).resolves.toMatchObject({
      attributes: { crmCustomerId: 'B-2', source: 'web' },
    });
    await settle();
    expect(fake.attributes).toEqual({ crmCustomerId: 'B-2', source: 'web' });
  });

  it('the stored identity is checked again on restore: only strings come out, and invalid data is dropped', async () => {
    sessionStorage.setItem(storageKey, JSON.stringify({ crmCustomerId: 'A-1', visits: 3 }));
    const first = setup();
    await (await loading(first.service, first.fake)).ready();
    expect(first.fake.attributes).toEqual({ crmCustomerId: 'A-1', visits: '3' });

    TestBed.resetTestingModule();
    resetGenesysPage();
    sessionStorage.setItem(
      storageKey,
      JSON.stringify({ crmCustomerId: 'A-1', email: 'jane@example.com' }),
    );
    const second = setup();
    await (await loading(second.service, second.fake)).ready();
    expect(second.fake.attributes).toEqual({});
    expect(second.fake.commands).toEqual([]);
    expect(sessionStorage.getItem(storageKey)).toBeNull();
  });

  it('keeps the stored identity per deployment: another deployment on the origin never restores it', async () => {
    const { service } = setup();
    await service.identify('A-1');
    expect(JSON.parse(sessionStorage.getItem(storageKey)!)).toEqual({ crmCustomerId: 'A-1' });
    TestBed.resetTestingModule();
    resetGenesysPage();
    sessionStorage.setItem(storageKey, JSON.stringify({ crmCustomerId: 'A-1' }));
    const other = setup({ deploymentId: '00000000-0000-4000-8000-000000000001' });
    await (await loading(other.service, other.fake)).ready();
    expect(other.fake.attributes).toEqual({});
  });
});
