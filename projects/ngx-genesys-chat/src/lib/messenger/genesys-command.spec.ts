import { FakeGenesys, resetGenesysPage } from '../../test-helpers/fake-genesys';
import { GenesysChatError } from '../errors/genesys-chat-error';
import type { GenesysWindow } from './genesys-global';
import { installGenesysStub } from './genesys-global';
import { runGenesysCommand } from './genesys-command';

const win = window as GenesysWindow;

describe('runGenesysCommand', () => {
  let fake: FakeGenesys;
  beforeEach(() => {
    resetGenesysPage();
    installGenesysStub(win, { environment: 'prod', deploymentId: 'd', debug: false });
    fake = new FakeGenesys();
  });
  afterEach(() => jest.useRealTimers());

  it('queues on the stub before load and resolves through the real function after it', async () => {
    const pending = runGenesysCommand(
      win,
      'Database.set',
      { messaging: { customAttributes: { a: '1' } } },
      1000,
    );
    expect(win.Genesys?.q).toHaveLength(1);
    expect(Array.from(win.Genesys!.q![0]).slice(0, 3)).toEqual([
      'command',
      'Database.set',
      { messaging: { customAttributes: { a: '1' } } },
    ]);
    fake.bootstrap();
    await expect(pending).resolves.toEqual({ messaging: { customAttributes: { a: '1' } } });
  });

  it('looks the global up on every call, so it reaches the function the bootstrap installed', async () => {
    fake.bootstrap();
    await runGenesysCommand(win, 'Messenger.open', {}, 1000);
    expect(fake.commands.map((c) => c.name)).toEqual(['Messenger.open']);
  });

  it('turns the reject callback into COMMAND_REJECTED carrying the command and the reason', async () => {
    fake.bootstrap();
    fake.rejectNext('Messenger.open', 'Messenger user interface must be enabled');
    const error = (await runGenesysCommand(win, 'Messenger.open', {}, 1000).catch(
      (e) => e,
    )) as GenesysChatError;
    expect(error.code).toBe('COMMAND_REJECTED');
    expect(error.command).toBe('Messenger.open');
    expect(error.reason).toBe('Messenger user interface must be enabled');
  });

  it('keeps a Database rejection reason out of the message, since it may echo attribute values', async () => {
    fake.bootstrap();
    fake.rejectNext('Database.set', 'bad value CRM-SECRET');
    const error = (await runGenesysCommand(win, 'Database.set', {}, 1000).catch(
      (e) => e,
    )) as GenesysChatError;
    expect(error.message).not.toContain('CRM-SECRET');
    expect(error.reason).toBe('bad value CRM-SECRET');
  });

  it('fails with COMMAND_TIMEOUT when Genesys never answers, and leaves no timer behind', async () => {
    jest.useFakeTimers();
    fake.bootstrap();
    fake.neverAnswer('Database.set');
    const outcome = runGenesysCommand(win, 'Database.set', {}, 500).catch(
      (e: GenesysChatError) => e.code,
    );
    jest.advanceTimersByTime(499);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(1);
    await expect(outcome).resolves.toBe('COMMAND_TIMEOUT');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('clears its timer and stays silent when aborted', () => {
    jest.useFakeTimers();
    fake.bootstrap();
    fake.neverAnswer('Database.set');
    const controller = new AbortController();
    const settled = jest.fn();
    runGenesysCommand(win, 'Database.set', {}, 500, controller.signal).then(settled, settled);
    controller.abort();
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(1000);
    expect(settled).not.toHaveBeenCalled();
  });
});
