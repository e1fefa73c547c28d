import { EngineUiCommands, type UiCommandHost } from './engine-ui-commands';

function host(loaded: boolean, config: unknown = { journeyEvents: { enabled: true } }) {
  const sent: string[] = [];
  const state = { loaded, opens: [] as boolean[] };
  const h: UiCommandHost = {
    command: async (name) => {
      sent.push(name);
      return name === 'GenesysJS.configuration' ? config : undefined;
    },
    loaded: () => state.loaded,
    load: async () => {
      sent.push('(load)');
      state.loaded = true;
    },
    openChanged: (open) => state.opens.push(open),
  };
  return { h, sent, state };
}

describe('EngineUiCommands', () => {
  it('closes nothing and reports nothing before Messenger is loaded', async () => {
    const { h, sent, state } = host(false);
    await new EngineUiCommands(h).closePanel();
    expect(sent).toEqual([]);
    expect(state.opens).toEqual([]);
  });

  it('closes the panel once loaded, and the open state follows', async () => {
    const { h, sent, state } = host(true);
    await new EngineUiCommands(h).closePanel();
    expect(sent).toEqual(['Messenger.close']);
    expect(state.opens).toEqual([false]);
  });

  it('loads Messenger before it shows or hides the launcher', async () => {
    const { h, sent } = host(false);
    const ui = new EngineUiCommands(h);
    await ui.setLauncher(true);
    await ui.setLauncher(false);
    expect(sent).toEqual(['(load)', 'Launcher.show', '(load)', 'Launcher.hide']);
  });

  it('drops a page view before Messenger loads, and never loads it for one', async () => {
    const { h, sent } = host(false);
    await new EngineUiCommands(h).recordPageView({ pageTitle: 'Cart', pageLocation: '/cart' });
    expect(sent).toEqual([]);
  });

  it('reads the deployment config once for all page views', async () => {
    const { h, sent } = host(true);
    const ui = new EngineUiCommands(h);
    await ui.recordPageView({ pageTitle: 'Cart', pageLocation: '/cart' });
    await ui.recordPageView({ pageTitle: 'Pay', pageLocation: '/pay' });
    expect(sent).toEqual(['GenesysJS.configuration', 'Journey.pageview', 'Journey.pageview']);
  });

  it('sends no page view where the deployment has journey events off', async () => {
    const { h, sent } = host(true, { journeyEvents: { enabled: false } });
    await new EngineUiCommands(h).recordPageView({ pageTitle: 'Cart', pageLocation: '/cart' });
    expect(sent).toEqual(['GenesysJS.configuration']);
  });
});
