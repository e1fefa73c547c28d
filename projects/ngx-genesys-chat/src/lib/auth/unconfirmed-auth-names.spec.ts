import type { GenesysPlugin } from './genesys-plugin';
import {
  configureHeadlessOnly,
  joinConversation,
  subscribeLoggedOut,
} from './unconfirmed-auth-names';

function plugin(): jest.Mocked<GenesysPlugin> {
  return {
    command: jest.fn().mockResolvedValue({}),
    subscribe: jest.fn(),
    registerCommand: jest.fn(),
    data: jest.fn(),
    ready: jest.fn(),
  };
}

// Each guess is pinned here, so replacing one (when a primary source names it) is a visible change.
describe('UNCONFIRMED authenticated-messaging names', () => {
  it('the logout event is Auth.loggedOut (T, S)', () => {
    const p = plugin();
    const cb = jest.fn();
    subscribeLoggedOut(p, cb);
    expect(p.subscribe).toHaveBeenCalledWith('Auth.loggedOut', cb);
  });

  it('configure-only headless is data("settings", {headless:{configureOnly:true}}) (S)', () => {
    const p = plugin();
    configureHeadlessOnly(p);
    expect(p.data).toHaveBeenCalledWith('settings', { headless: { configureOnly: true } });
  });

  it('joining is MessagingService.joinConversation through the plugin (S)', async () => {
    const p = plugin();
    await joinConversation(p);
    expect(p.command).toHaveBeenCalledWith('MessagingService.joinConversation', {});
  });
});
