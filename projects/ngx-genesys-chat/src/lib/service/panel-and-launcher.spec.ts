// open() without a customer, close(), isOpen, showLauncher() / hideLauncher() (issue 14.1).
import { TestBed } from '@angular/core/testing';
import { FakeGenesys, resetGenesysPage } from '../../test-helpers/fake-genesys';
import { setupService } from '../../test-helpers/setup-service';
import type { GenesysChatConfig } from '../config/genesys-chat-config';

const CUSTOMER = { id: 'CRM-12345-XYZ', tier: 'premium' };

async function flush(): Promise<void> {
  for (let i = 0; i < 30; i++) await Promise.resolve();
}

const setup = setupService;

async function ready(extra: Partial<GenesysChatConfig> = {}) {
  const ctx = setup(extra);
  const loaded = ctx.service.load();
  ctx.fake.bootstrap();
  ctx.fake.emitReady();
  await loaded;
  return ctx;
}

/** Messenger loads when the test says so (the script "runs" and publishes its ready events). */
async function scriptRuns(fake: FakeGenesys): Promise<void> {
  await flush();
  fake.bootstrap();
  fake.emitReady();
}

const names = (fake: FakeGenesys) => fake.commands.map((c) => c.name);

describe('open(), close(), isOpen and the launcher', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    resetGenesysPage();
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(async () => {
    await flush();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
    TestBed.resetTestingModule();
  });

  it('open() on an anonymous help page loads Messenger and opens it, setting no attributes', async () => {
    const { service, fake } = setup();
    const opened = service.open();
    await scriptRuns(fake);
    await opened;
    expect(names(fake)).toEqual(['Messenger.open']);
    expect(fake.attributes).toEqual({});
    expect(service.isOpen()).toBe(true);
    expect(service.status()).toBe('open');
  });

  it('open() with a signed-in customer opens only once Messenger holds their attributes', async () => {
    const { service, fake } = setup();
    await service.identify(CUSTOMER);
    const opened = service.open();
    await scriptRuns(fake);
    await opened;
    expect(names(fake)).toEqual(['Database.remove', 'Database.set', 'Messenger.open']);
    expect(fake.attributes).toEqual({ crmCustomerId: 'CRM-12345-XYZ', customerTier: 'premium' });
  });

  it('open() is superseded by a later start for a customer: one Messenger.open, with that customer', async () => {
    const { service, fake } = setup();
    const opened = service.open().then(
      () => 'opened',
      (e: { code?: string }) => e.code,
    );
    const started = service.startChat(CUSTOMER);
    await scriptRuns(fake);
    await started;
    expect(await opened).toBe('SUPERSEDED');
    expect(names(fake).filter((n) => n === 'Messenger.open')).toHaveLength(1);
    expect(fake.attributes).toMatchObject({ crmCustomerId: 'CRM-12345-XYZ' });
  });

  it('open() while a start is under way joins it (supersedes nothing, opens once)', async () => {
    const { service, fake } = setup();
    const started = service.startChat(CUSTOMER);
    const opened = service.open();
    await scriptRuns(fake);
    await Promise.all([started, opened]);
    expect(names(fake).filter((n) => n === 'Messenger.open')).toHaveLength(1);
  });

  it('open() in headless mode starts the conversation', async () => {
    const { service, fake } = setup({ mode: 'headless' });
    fake.headless = true;
    const opened = service.open();
    await scriptRuns(fake);
    await opened;
    expect(names(fake)).toEqual(['MessagingService.startConversation']);
  });

  it('close() closes the panel; isOpen and status follow', async () => {
    const { service, fake } = await ready();
    await service.open();
    await service.close();
    expect(names(fake).at(-1)).toBe('Messenger.close');
    expect(fake.panelOpen).toBe(false);
    expect(service.isOpen()).toBe(false);
    expect(service.status()).toBe('ready');
  });

  it('close() before Messenger was loaded loads nothing and resolves', async () => {
    const { service, fake } = setup();
    await service.close();
    expect(fake.script).toBeNull();
  });

  it('isOpen follows the customer opening and closing the panel (Conversations.opened / .closed)', async () => {
    const { service, fake } = await ready();
    expect(service.isOpen()).toBe(false);
    fake.userOpens();
    expect(service.isOpen()).toBe(true);
    expect(service.status()).toBe('open');
    fake.userCloses();
    expect(service.isOpen()).toBe(false);
    expect(service.status()).toBe('ready');
  });

  it('showLauncher() / hideLauncher() load Messenger and send Launcher.show / Launcher.hide', async () => {
    const { service, fake } = setup();
    const shown = service.showLauncher();
    await scriptRuns(fake);
    await shown;
    expect(fake.launcherVisible).toBe(true);
    await service.hideLauncher();
    expect(fake.launcherVisible).toBe(false);
    expect(names(fake)).toEqual(['Launcher.show', 'Launcher.hide']);
  });

  it('a refused Launcher.show rejects with COMMAND_REJECTED naming the command', async () => {
    const { service, fake } = await ready();
    fake.rejectNext('Launcher.show', 'launcher is Off');
    await expect(service.showLauncher()).rejects.toMatchObject({
      code: 'COMMAND_REJECTED',
      command: 'Launcher.show',
    });
  });
});
