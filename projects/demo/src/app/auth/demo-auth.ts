// The demo's "Sign in" switch: `?auth=oidc` (angular-auth-oidc-client, the default adapter) or
// `?auth=oauth2-oidc` (angular-oauth2-oidc) signs in at the emulator's IdP and turns on
// withAuthenticatedMessaging against the emulator's authenticated deployment. Without `auth`
// nothing of this is provided and the demo runs as before.
import {
  InjectionToken,
  type Provider,
  type EnvironmentProviders,
  type Signal,
  type Type,
  inject,
} from '@angular/core';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { LogLevel, provideAuth } from 'angular-auth-oidc-client';
import { provideOAuthClient } from 'angular-oauth2-oidc';
import {
  type GenesysAuthCodeSource,
  type GenesysChatFeature,
  withAuthenticatedMessaging,
} from 'ngx-genesys-chat';
import { CALLBACK_PATH, demoReturnUrl, rememberDemoQuery } from './demo-query';
import {
  OAUTH2_OIDC_GENESYS_OPTIONS,
  OAuth2OidcAuthCodeSource,
} from './oauth2-oidc-auth-code-source';
import {
  type AdapterStatus,
  OIDC_CLIENT_GENESYS_OPTIONS,
  OidcClientAuthCodeSource,
} from './oidc-client-auth-code-source';

/** The emulator's authenticated deployment (projects/genesys-emulator/emulator.config.json). */
export const DEMO_AUTH_DEPLOYMENT_ID = '5e7a9c1b-3d2f-4a6e-8b0c-7d1e2f3a4b5c';
/** The emulator's IdP (emulator.config.json `auth.idpPort`) and its client for Genesys. */
export const DEFAULT_IDP = 'http://127.0.0.1:8788';
export const IDP_CLIENT_ID = 'genesys-messenger-emulated';
const SCOPE = 'openid email profile crm';

export type DemoAuthKind = 'oidc' | 'oauth2-oidc';

/** What the sign-in panel drives; provided only with `?auth=`. */
export interface DemoSignIn {
  readonly library: string;
  readonly status: Signal<AdapterStatus>;
  signIn(): void;
}
/** What both adapters add to GenesysAuthCodeSource for a sign-in button. */
interface SignInAdapter {
  readonly status: Signal<AdapterStatus>;
  signIn(): void;
}

export const DEMO_SIGN_IN = new InjectionToken<DemoSignIn>('DEMO_SIGN_IN');

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

export function demoAuth(search: string, origin: string): DemoAuth {
  const q = new URLSearchParams(search);
  const kind = q.get('auth') as DemoAuthKind | null;
  if (!origin || (kind !== 'oidc' && kind !== 'oauth2-oidc'))
    return { search, features: [], providers: [] };
  if (!q.has('deployment')) q.set('deployment', DEMO_AUTH_DEPLOYMENT_ID);
  const issuer = issuerFrom(q.get('idp'));
  const redirectUri = `${origin}${CALLBACK_PATH}`;
  const returnUrl = () => demoReturnUrl(window);
  const source: Type<GenesysAuthCodeSource & SignInAdapter> =
    kind === 'oidc' ? OidcClientAuthCodeSource : OAuth2OidcAuthCodeSource;
  const library = kind === 'oidc' ? 'angular-auth-oidc-client' : 'angular-oauth2-oidc';
  const libraryProviders =
    kind === 'oidc'
      ? [
          provideAuth({
            config: {
              configId: 'genesys',
              authority: issuer,
              clientId: IDP_CLIENT_ID,
              redirectUrl: redirectUri,
              postLogoutRedirectUri: redirectUri,
              scope: SCOPE,
              responseType: 'code',
              silentRenew: false,
              useRefreshToken: false,
              autoUserInfo: false,
              // Its debug log prints the nonce and the state: errors only.
              logLevel: LogLevel.Error,
            },
          }),
          {
            provide: OIDC_CLIENT_GENESYS_OPTIONS,
            useValue: { configId: 'genesys', redirectUri, clientId: IDP_CLIENT_ID, returnUrl },
          },
        ]
      : [
          provideOAuthClient(),
          {
            provide: OAUTH2_OIDC_GENESYS_OPTIONS,
            useValue: {
              returnUrl,
              config: {
                issuer,
                clientId: IDP_CLIENT_ID,
                redirectUri,
                postLogoutRedirectUri: redirectUri,
                responseType: 'code',
                scope: SCOPE,
                // The emulator's IdP is plain http on loopback; keep 'remoteOnly' or true in production.
                requireHttps: false,
                showDebugInformation: false,
              },
            },
          },
        ];
  return {
    search: `?${q}`,
    features: [withAuthenticatedMessaging({ source })],
    providers: [
      provideHttpClient(withFetch()),
      source,
      ...libraryProviders,
      {
        provide: DEMO_SIGN_IN,
        useFactory: (): DemoSignIn => {
          const adapter = inject(source);
          return {
            library,
            status: adapter.status,
            signIn: () => {
              rememberDemoQuery(window);
              adapter.signIn();
            },
          };
        },
      },
    ],
  };
}
