import {
  EnvironmentInjector,
  Injectable,
  InjectionToken,
  createEnvironmentInjector,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { GenesysWindow } from '../messenger/genesys-global';
import { installGenesysStub } from '../messenger/genesys-global';
import { GenesysChatAuth } from './genesys-chat-auth';
import type { GenesysAuthCode, GenesysAuthCodeSource } from './auth-code-source';
import {
  ControlledSource,
  DEPLOYMENT_ID,
  FIRST_CODE,
  SOURCE,
  loadMessenger,
  setupAuth,
  useAuthGuards,
} from './testing/auth-setup';
import { withAuthenticatedMessaging } from './with-authenticated-messaging';
import { GENESYS_CHAT_CONFIG } from '../config/genesys-chat-config';
import { GenesysChatModule } from '../config/genesys-chat.module';

const win = window as GenesysWindow;
const queuedNames = () => (win.Genesys?.q ?? []).map((args) => `${args[0]} ${args[1]}`);

/** Another Angular app (or the same app provided again) on the same page, with its own source. */
function anotherApp(code: GenesysAuthCode): {
  injector: EnvironmentInjector;
  auth: GenesysChatAuth;
} {
  const token = new InjectionToken<GenesysAuthCodeSource>('other source');
  const injector = createEnvironmentInjector(
    [
      {
        provide: token,
        useValue: { getAuthCode: async () => code, reAuthenticate: async () => undefined },
      },
      ...withAuthenticatedMessaging({ source: token }).providers,
    ],
    TestBed.inject(EnvironmentInjector),
  );
  return { injector, auth: injector.get(GenesysChatAuth) };
}

describe('withAuthenticatedMessaging', () => {
  useAuthGuards();

  it('is a feature of provideGenesysChat', () => {
    const feature = withAuthenticatedMessaging({ source: SOURCE });
    expect(feature.kind).toBe('authenticated-messaging');
    expect(feature.providers.length).toBeGreaterThan(0);
  });

  it('registers AuthProvider in the stub queue before the script loads, ahead of Messenger’s own subscriptions', async () => {
    const ctx = setupAuth();
    expect(ctx.fake.script).toBeNull();
    expect(queuedNames()).toEqual(['registerPlugin AuthProvider']);
    const loaded = ctx.service.load();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ctx.fake.script).not.toBeNull();
    // The engine gives the stub its deployment before the script runs; the queue is kept.
    expect(win.Genesys?.c).toEqual({ environment: 'prod-euw1', deploymentId: DEPLOYMENT_ID });
    expect(queuedNames()[0]).toBe('registerPlugin AuthProvider');
    expect(queuedNames()).toContain('subscribe Database.ready');
    ctx.fake.bootstrap();
    ctx.fake.emitReady();
    await loaded;
    expect(ctx.fake.plugins.map((p) => p.name)).toEqual(['AuthProvider']);
  });

  it('sets the plugin up in the documented order: both commands, the Auth subscriptions, ready() last', async () => {
    const ctx = setupAuth();
    await loadMessenger(ctx);
    const calls = ctx.fake.authProvider.calls;
    expect(calls.slice(0, 2)).toEqual([
      'registerCommand:getAuthCode',
      'registerCommand:reAuthenticate',
    ]);
    expect(calls).toEqual(
      expect.arrayContaining([
        'subscribe:Auth.ready',
        'subscribe:Auth.authenticated',
        'subscribe:Auth.error',
        'subscribe:Auth.authError',
        'subscribe:Auth.loggedOut',
      ]),
    );
    expect(calls[calls.length - 1]).toBe('ready');
  });

  it('keeps a snippet stub the page already has and queues into it', () => {
    installGenesysStub(win, {
      environment: 'prod-euw1',
      deploymentId: DEPLOYMENT_ID,
      debug: false,
    });
    const stub = win.Genesys;
    setupAuth();
    expect(win.Genesys).toBe(stub);
    expect(queuedNames()).toEqual(['registerPlugin AuthProvider']);
  });

  it('registers once per page with two apps; the newest live app answers, every app hears the events', async () => {
    const ctx = setupAuth();
    const second = anotherApp({ authCode: 'second-app-code', redirectUri: FIRST_CODE.redirectUri });
    await loadMessenger(ctx);
    expect(ctx.fake.plugins).toHaveLength(1);
    await expect(ctx.fake.callProvider('getAuthCode', {})).resolves.toMatchObject({
      authCode: 'second-app-code',
    });
    ctx.fake.emitAuth('Auth.authenticated');
    expect(ctx.auth.state()).toBe('authenticated');
    expect(second.auth.state()).toBe('authenticated');

    second.injector.destroy();
    await expect(ctx.fake.callProvider('getAuthCode', {})).resolves.toEqual(FIRST_CODE);
  });

  it('provided again after the first app is gone (hot reload): still one registration, the new app answers and learns Auth.ready', async () => {
    const ctx = setupAuth();
    await loadMessenger(ctx);
    ctx.fake.authenticated = true;
    ctx.fake.emitAuth('Auth.ready');
    const first = anotherApp({ authCode: 'first-reload', redirectUri: FIRST_CODE.redirectUri });
    first.injector.destroy();
    const again = anotherApp({ authCode: 'second-reload', redirectUri: FIRST_CODE.redirectUri });
    expect(ctx.fake.plugins).toHaveLength(1);
    expect(again.auth.state()).toBe('authenticated');
    await expect(ctx.fake.callProvider('getAuthCode', {})).resolves.toMatchObject({
      authCode: 'second-reload',
    });
  });

  it('works as a feature of GenesysChatModule.forRoot for NgModule apps', () => {
    TestBed.configureTestingModule({
      imports: [
        GenesysChatModule.forRoot(
          { deploymentId: DEPLOYMENT_ID, region: 'eu-west-1', load: 'manual' },
          withAuthenticatedMessaging({ source: ControlledSource }),
        ),
      ],
      providers: [ControlledSource],
    });
    TestBed.inject(GenesysChatAuth);
    expect(queuedNames()).toEqual(['registerPlugin AuthProvider']);
  });

  it('accepts an injectable class as the source', async () => {
    @Injectable({ providedIn: 'root' })
    class RootSource implements GenesysAuthCodeSource {
      getAuthCode = async () => ({ authCode: 'class-code', redirectUri: FIRST_CODE.redirectUri });
      reAuthenticate = async () => undefined;
    }
    const ctx = setupAuth({ feature: { source: RootSource } });
    await loadMessenger(ctx);
    await expect(ctx.fake.callProvider('getAuthCode', {})).resolves.toMatchObject({
      authCode: 'class-code',
    });
  });

  it('with no source throws INVALID_CONFIG naming the key', () => {
    expect(() => withAuthenticatedMessaging({} as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG', key: 'source' }),
    );
    expect(() => withAuthenticatedMessaging(null as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
  });

  it('on the server: no stub, no registration, state unknown', () => {
    const ctx = setupAuth({ server: true });
    expect(win.Genesys).toBeUndefined();
    expect(win._genesysJs).toBeUndefined();
    expect(ctx.auth.state()).toBe('unknown');
    expect(ctx.events).toEqual([]);
  });

  it('with a config the service will reject: nothing is installed and the app still boots', () => {
    TestBed.configureTestingModule({
      providers: [
        {
          provide: GENESYS_CHAT_CONFIG,
          useValue: { deploymentId: 'not-a-uuid', region: 'eu-west-1', load: 'manual' },
        },
        ...withAuthenticatedMessaging({ source: ControlledSource }).providers,
        ControlledSource,
      ],
    });
    expect(TestBed.inject(GenesysChatAuth).state()).toBe('unknown');
    expect(win.Genesys).toBeUndefined();
  });
});
