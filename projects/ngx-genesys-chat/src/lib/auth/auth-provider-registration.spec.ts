import type { GenesysWindow } from '../messenger/genesys-global';
import { installGenesysStub } from '../messenger/genesys-global';
import { ɵresetGenesysPage } from '../messenger/reset-genesys-page';
import { authProviderRegistration } from './auth-provider-registration';
import { FakeAuthGenesys } from './testing/fake-auth-genesys';

const win = window as GenesysWindow;

describe('authProviderRegistration', () => {
  beforeEach(() => {
    ɵresetGenesysPage(win);
    installGenesysStub(win, { environment: 'prod', deploymentId: 'd', debug: false });
  });

  it('is one per page, and forgotten with the page (ɵresetGenesysPage)', () => {
    const settings = { configureOnly: false };
    const first = authProviderRegistration(win, settings);
    expect(authProviderRegistration(win, settings)).toBe(first);
    ɵresetGenesysPage(win);
    installGenesysStub(win, { environment: 'prod', deploymentId: 'd', debug: false });
    expect(authProviderRegistration(win, settings)).not.toBe(first);
  });

  it('with no app bound, rejects getAuthCode with AUTH_CODE_UNAVAILABLE instead of leaving Messenger waiting', async () => {
    const fake = new FakeAuthGenesys();
    authProviderRegistration(win, { configureOnly: false });
    fake.bootstrap();
    await expect(fake.callProvider('getAuthCode', {})).rejects.toContain('AUTH_CODE_UNAVAILABLE');
  });

  it('resolves whenPlugin and whenAuthReady for callers that asked early', async () => {
    const fake = new FakeAuthGenesys();
    const registration = authProviderRegistration(win, { configureOnly: false });
    const plugin = registration.whenPlugin();
    const ready = registration.whenAuthReady();
    fake.bootstrap();
    await expect(plugin).resolves.toBeDefined();
    fake.emitAuth('Auth.ready');
    await expect(ready).resolves.toBe(await plugin);
  });
});
