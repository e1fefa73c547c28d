// The demo's "Sign in" switch: `?auth=oidc` (angular-auth-oidc-client, the default adapter) or
// `?auth=oauth2-oidc` (angular-oauth2-oidc) signs in at the emulator's IdP and turns on
// withAuthenticatedMessaging against the emulator's authenticated deployment. Without `auth`
// nothing of this is provided and the demo runs as before.
import {
  type EnvironmentProviders,
  InjectionToken,
  type Provider,
  type Signal,
  inject,
} from '@angular/core';
import { type GenesysChatFeature, withAuthenticatedMessaging } from 'ngx-genesys-chat';
import type { DemoAuthKind } from './auth-libraries';
import { CALLBACK_PATH, demoReturnUrl, rememberDemoQuery } from './demo-query';
import type { AdapterStatus } from './oidc-client-auth-code-source';

/** The emulator's authenticated deployment (projects/genesys-emulator/emulator.config.json). */
export const DEMO_AUTH_DEPLOYMENT_ID = '5e7a9c1b-3d2f-4a6e-8b0c-7d1e2f3a4b5c';
/** The emulator's IdP (emulator.config.json `auth.idpPort`) and its client for Genesys. */
export const DEFAULT_IDP = 'http://127.0.0.1:8788';
export const IDP_CLIENT_ID = 'genesys-messenger-emulated';
const SCOPE = 'openid email profile crm';

/** What the sign-in panel drives; provided only with `?auth=`. */
export interface DemoSignIn {
  readonly library: string;
  readonly status: Signal<AdapterStatus>;
  signIn(): void;
}
export const DEMO_SIGN_IN = new InjectionToken<DemoSignIn>('DEMO_SIGN_IN');

export type { DemoAuthKind };

export interface DemoAuth {
  /** The query with the authenticated deployment added when none was asked for. */
  readonly search: string;
  readonly features: GenesysChatFeature[];
  readonly providers: (Provider | EnvironmentProviders)[];
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A loopback issuer from `?idp=` (tests run the IdP on any port), else the default. */
function issuerFrom(value: string | null): string {
  if (!value || !URL.canParse(value)) return DEFAULT_IDP;
  const url = new URL(value);
  const ok = /^https?:$/.test(url.protocol) && LOOPBACK.has(url.hostname) && !url.username;
  return ok ? url.origin : DEFAULT_IDP;
}

/**
 * The demo's auth providers for `?auth=`. The chosen adapter and its OIDC library are imported
 * only then (app.config.ts awaits this), so the demo without `?auth=` does not load them.
 */
export async function demoAuth(search: string, origin: string): Promise<DemoAuth> {
  const q = new URLSearchParams(search);
  const kind = q.get('auth') as DemoAuthKind | null;
  if (!origin || (kind !== 'oidc' && kind !== 'oauth2-oidc'))
    return { search, features: [], providers: [] };
  if (!q.has('deployment')) q.set('deployment', DEMO_AUTH_DEPLOYMENT_ID);
  const library = kind === 'oidc' ? 'angular-auth-oidc-client' : 'angular-oauth2-oidc';
  const settings = {
    kind,
    issuer: issuerFrom(q.get('idp')),
    clientId: IDP_CLIENT_ID,
    redirectUri: `${origin}${CALLBACK_PATH}`,
    scope: SCOPE,
    returnUrl: () => demoReturnUrl(window),
  };
  const { adapterFor } = await import('./auth-libraries');
  const { adapter, providers } = adapterFor(settings);
  return {
    search: `?${q}`,
    features: [withAuthenticatedMessaging({ source: adapter })],
    providers: [
      ...providers,
      {
        provide: DEMO_SIGN_IN,
        useFactory: (): DemoSignIn => {
          const source = inject(adapter);
          return {
            library,
            status: source.status,
            signIn: () => {
              rememberDemoQuery(window);
              source.signIn();
            },
          };
        },
      },
    ],
  };
}
