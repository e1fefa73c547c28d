import { type PluginCommandEvent, type StandInPlugin, createPluginHost } from './auth-plugin-host';

/** A host whose `Genesys('command', …)` answers from a table, recording what was published. */
function host(answers: Record<string, unknown> = {}) {
  const published: Array<[string, unknown]> = [];
  const subscribed: string[] = [];
  const plugins = createPluginHost({
    run: (name, payload, onResolve, onReject) =>
      name in answers
        ? onResolve({ name, payload, answer: answers[name] })
        : onReject(`no ${name}`),
    subscribe: (name) => void subscribed.push(name),
    publish: (event, data) => void published.push([event, data]),
  });
  return { plugins, published, subscribed };
}

function registered(plugins: ReturnType<typeof host>['plugins'], name: string): StandInPlugin {
  let plugin: StandInPlugin | undefined;
  plugins.register(name, (p: StandInPlugin) => (plugin = p));
  if (!plugin) throw new Error('init was not called');
  return plugin;
}

describe('the stand-in plugin host', () => {
  it('runs a plugin command through Genesys, resolving and rejecting as Genesys answers', async () => {
    const { plugins } = host({ 'Database.set': 'ok' });
    const plugin = registered(plugins, 'AuthProvider');
    await expect(plugin.command('Database.set', { a: 1 })).resolves.toEqual({
      name: 'Database.set',
      payload: { a: 1 },
      answer: 'ok',
    });
    await expect(plugin.command('Nope.nothing')).rejects.toBe('no Nope.nothing');
  });

  it('makes a registered command <Plugin>.<name>, answered by the handler', async () => {
    const { plugins } = host();
    const plugin = registered(plugins, 'AuthProvider');
    plugin.registerCommand('getAuthCode', (e: PluginCommandEvent) =>
      e.data['forceUpdate'] ? e.reject('refused') : e.resolve({ authCode: 'c' }),
    );
    await expect(plugins.commands['AuthProvider.getAuthCode']({})).resolves.toEqual({
      authCode: 'c',
    });
    await expect(plugins.commands['AuthProvider.getAuthCode']({ forceUpdate: true })).rejects.toBe(
      'refused',
    );
  });

  it('turns a handler that throws into a rejection, not an uncaught error', async () => {
    const { plugins } = host();
    registered(plugins, 'AuthProvider').registerCommand('reAuthenticate', () => {
      throw new Error('page bug');
    });
    await expect(plugins.commands['AuthProvider.reAuthenticate']({})).rejects.toThrow('page bug');
  });

  it('prefixes what a plugin publishes with its name, and subscribes to full event names', () => {
    const { plugins, published, subscribed } = host();
    const auth = registered(plugins, 'Auth');
    auth.publish('authenticated', { x: 1 });
    auth.subscribe('MessagingService.ready', () => undefined);
    expect(published).toEqual([['Auth.authenticated', { x: 1 }]]);
    expect(subscribed).toEqual(['MessagingService.ready']);
  });

  it('resolves whenReady once the plugin calls ready(), for waiters before and after', async () => {
    const { plugins } = host();
    const early = plugins.whenReady('AuthProvider');
    expect(plugins.has('AuthProvider')).toBe(false);
    const plugin = registered(plugins, 'AuthProvider');
    plugin.ready();
    plugin.ready(); // a second ready() changes nothing
    await expect(early).resolves.toBeUndefined();
    await expect(plugins.whenReady('AuthProvider')).resolves.toBeUndefined();
    expect(plugins.has('AuthProvider')).toBe(true);
  });

  it('shares data() between plugins and the host, and reads without writing', () => {
    const { plugins } = host();
    const a = registered(plugins, 'AuthProvider');
    plugins.setData('Auth.authenticated', true);
    expect(a.data('Auth.authenticated')).toBe(true);
    a.data('Auth.authenticated', false);
    expect(registered(plugins, 'Other').data('Auth.authenticated')).toBe(false);
  });

  it('ignores a registration without a name or an init function, and survives an init that throws', () => {
    const { plugins } = host();
    const init = jest.fn();
    plugins.register('', init);
    plugins.register('AuthProvider', 'not a function');
    expect(init).not.toHaveBeenCalled();
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() =>
      plugins.register('Broken', () => {
        throw new Error('init failed');
      }),
    ).not.toThrow();
    expect(error).toHaveBeenCalledWith('[genesys-emulator] plugin init failed', expect.any(Error));
    error.mockRestore();
  });
});
