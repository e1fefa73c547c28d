/// <reference types="jest" />
/// <reference types="node" />
// Test-only: a TestBed with withAuthenticatedMessaging(), a controllable code source, and the
// guards every auth spec runs (no unhandled rejection, no secret in any console output).
import { Injectable, InjectionToken, PLATFORM_ID, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { GenesysChatConfig } from '../../config/genesys-chat-config';
import { provideGenesysChat } from '../../config/provide-genesys-chat';
import { GenesysChatService } from '../../service/genesys-chat.service';
import type { GenesysWindow } from '../../messenger/genesys-global';
import { ɵresetGenesysPage } from '../../messenger/reset-genesys-page';
import type {
  GenesysAuthCode,
  GenesysAuthCodeRequest,
  GenesysAuthCodeSource,
} from '../auth-code-source';
import type { GenesysAuthEvent } from '../auth-types';
import { GenesysChatAuth } from '../genesys-chat-auth';
import {
  type AuthenticatedMessagingOptions,
  withAuthenticatedMessaging,
} from '../with-authenticated-messaging';
import { FakeAuthGenesys } from './fake-auth-genesys';

export const DEPLOYMENT_ID = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
/** Values that must never appear in a message, a log line or what Genesys is told on a failure. */
export const SECRETS = ['sEcReT-code-7f3a91', 'sEcReT-verifier-9b2c77', 'sEcReT-nonce-1d4e55'];
export const FIRST_CODE: GenesysAuthCode = {
  authCode: SECRETS[0],
  redirectUri: 'https://shop.example.com/signed-in',
  codeVerifier: SECRETS[1],
  nonce: SECRETS[2],
};

/** A source the test drives: `code` is what the customer's latest sign-in gave. */
@Injectable()
export class ControlledSource implements GenesysAuthCodeSource {
  code: GenesysAuthCode | null = FIRST_CODE;
  refusal: unknown = null;
  readonly requests: GenesysAuthCodeRequest[] = [];
  reAuthentications = 0;
  reAuthFailure: unknown = null;
  signOuts = 0;
  /** When set, `signOut()` writes itself here (to check the order against the fake's timeline). */
  timeline: string[] | null = null;
  /** While set, getAuthCode waits for it (a sign-in still under way). */
  gate: Promise<void> | null = null;

  async getAuthCode(request: GenesysAuthCodeRequest): Promise<GenesysAuthCode | null> {
    this.requests.push(request);
    const code = this.code; // what the sign-in had produced when Messenger asked
    if (this.gate) await this.gate;
    if (this.refusal !== null) throw this.refusal;
    return code;
  }

  async reAuthenticate(): Promise<void> {
    this.reAuthentications++;
    if (this.reAuthFailure !== null) throw this.reAuthFailure;
    this.code = { ...FIRST_CODE, authCode: `${SECRETS[0]}-after-reauth` };
  }

  async signOut(): Promise<void> {
    this.signOuts++;
    this.timeline?.push('signOut()');
  }
}

export const SOURCE = new InjectionToken<GenesysAuthCodeSource>('test auth code source');

export interface AuthSetup {
  auth: GenesysChatAuth;
  service: GenesysChatService;
  source: ControlledSource;
  fake: FakeAuthGenesys;
  events: GenesysAuthEvent[];
}

export function setupAuth(
  options: {
    server?: boolean;
    config?: Partial<GenesysChatConfig>;
    feature?: Partial<AuthenticatedMessagingOptions>;
    providers?: Provider[];
  } = {},
): AuthSetup {
  TestBed.configureTestingModule({
    providers: [
      provideGenesysChat(
        {
          deploymentId: DEPLOYMENT_ID,
          region: 'eu-west-1',
          load: 'manual',
          ...options.config,
        } as GenesysChatConfig,
        withAuthenticatedMessaging({ source: SOURCE, ...options.feature }),
      ),
      ControlledSource,
      { provide: SOURCE, useExisting: ControlledSource },
      ...(options.server ? [{ provide: PLATFORM_ID, useValue: 'server' }] : []),
      ...(options.providers ?? []),
    ],
  });
  const auth = TestBed.inject(GenesysChatAuth);
  const events: GenesysAuthEvent[] = [];
  auth.events$.subscribe((e) => events.push(e));
  return {
    auth,
    service: TestBed.inject(GenesysChatService),
    source: TestBed.inject(ControlledSource),
    fake: new FakeAuthGenesys(),
    events,
  };
}

/** Microtasks only (works under fake timers); the engine chunk arrives through a dynamic import. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 30; i++) await Promise.resolve();
}

/** The app loads Messenger: the script is injected, then "runs" (drains the stub), then ready events. */
export async function loadMessenger(ctx: AuthSetup): Promise<void> {
  const loaded = ctx.service.load();
  await flush();
  ctx.fake.bootstrap();
  ctx.fake.emitReady();
  await loaded;
}

/**
 * Per spec file: resets the page between tests and fails a test that left an unhandled rejection
 * or wrote a secret to the console.
 */
export function useAuthGuards(): { console: () => string } {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let logged: string[] = [];
  beforeAll(() => process.on('unhandledRejection', onUnhandled));
  afterAll(() => process.off('unhandledRejection', onUnhandled));
  beforeEach(() => {
    document.head.querySelectorAll('script').forEach((s) => s.remove());
    sessionStorage.clear();
    ɵresetGenesysPage(window as GenesysWindow);
    logged = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(
          args
            .map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : safeString(a)))
            .join(' '),
        );
      });
    }
  });
  afterEach(async () => {
    jest.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 0)); // let a stray rejection be reported
    TestBed.resetTestingModule();
    jest.restoreAllMocks();
    expect(unhandled).toEqual([]);
    for (const secret of SECRETS) expect(logged.join('\n')).not.toContain(secret);
    unhandled.length = 0;
  });
  return { console: () => logged.join('\n') };
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
}
