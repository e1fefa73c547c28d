import { FakeGenesys, resetGenesysPage } from '../../test-helpers/fake-genesys';
import { installGenesysStub, type GenesysWindow } from './genesys-global';
import { genesysEventDispatcher } from './genesys-event-dispatcher';

const win = window as GenesysWindow;

describe('GenesysEventDispatcher', () => {
  let fake: FakeGenesys;
  beforeEach(() => {
    resetGenesysPage();
    fake = new FakeGenesys();
  });

  it('waits for the stub, then queues its subscriptions ahead of the script', () => {
    const dispatcher = genesysEventDispatcher(win);
    const seen: unknown[] = [];
    dispatcher.listen('Messenger.opened', (e) => seen.push(e.data));
    expect(win.Genesys).toBeUndefined();
    installGenesysStub(win, { environment: 'prod', deploymentId: 'd', debug: false });
    dispatcher.attach();
    expect(win.Genesys?.q?.map((args) => Array.from(args).slice(0, 2))).toEqual([
      ['subscribe', 'Messenger.opened'],
    ]);
    fake.bootstrap();
    fake.publish('Messenger.opened', { n: 1 });
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('holds one Genesys subscription per event however many listeners come and go', () => {
    installGenesysStub(win, { environment: 'prod', deploymentId: 'd', debug: false });
    fake.bootstrap();
    const dispatcher = genesysEventDispatcher(win);
    const a = jest.fn();
    const b = jest.fn();
    const offA = dispatcher.listen('Messenger.closed', a);
    dispatcher.listen('Messenger.closed', b);
    offA();
    dispatcher.listen('Messenger.closed', a);
    expect(fake.subscriptionCount('Messenger.closed')).toBe(1);
    fake.publish('Messenger.closed', {});
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('replays ready events to late listeners, as Genesys does, but not other events', () => {
    installGenesysStub(win, { environment: 'prod', deploymentId: 'd', debug: false });
    fake.bootstrap();
    const dispatcher = genesysEventDispatcher(win);
    dispatcher.listen('Database.ready', () => undefined);
    dispatcher.listen('Messenger.opened', () => undefined);
    fake.publish('Database.ready', {});
    fake.publish('Messenger.opened', {});
    const lateReady = jest.fn();
    const lateOpened = jest.fn();
    dispatcher.listen('Database.ready', lateReady);
    dispatcher.listen('Messenger.opened', lateOpened);
    expect(lateReady).toHaveBeenCalledTimes(1);
    expect(lateOpened).not.toHaveBeenCalled();
  });

  it('is shared by everything on the page', () => {
    expect(genesysEventDispatcher(win)).toBe(genesysEventDispatcher(win));
  });
});
