// Loaded only with `?auth=` (a dynamic import from lazy-auth-code-source.ts), so the OIDC libraries
// stay out of the demo's initial chunk: each adapter with its library's providers.
import type { EnvironmentProviders, Provider, Signal, Type } from '@angular/core';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { LogLevel, provideAuth } from 'angular-auth-oidc-client';
import { provideOAuthClient } from 'angular-oauth2-oidc';
import type { GenesysAuthCodeSource } from 'ngx-genesys-chat';
import {
  OAUTH2_OIDC_GENESYS_OPTIONS,
  OAuth2OidcAuthCodeSource,
} from './oauth2-oidc-auth-code-source';
import {
  type AdapterStatus,
  OIDC_CLIENT_GENESYS_OPTIONS,
  OidcClientAuthCodeSource,
} from './oidc-client-auth-code-source';

export type DemoAuthKind = 'oidc' | 'oauth2-oidc';

/** Both adapters: a GenesysAuthCodeSource plus what a sign-in button needs. */
export type SignInAdapter = GenesysAuthCodeSource & {
  readonly status: Signal<AdapterStatus>;
  signIn(): void;
};

export interface AdapterSettings {
  readonly kind: DemoAuthKind;
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly returnUrl: () => string;
}

export function adapterFor(s: AdapterSettings): {
  readonly adapter: Type<SignInAdapter>;
  readonly providers: (Provider | EnvironmentProviders)[];
} {
  const http = provideHttpClient(withFetch()); // both read the discovery document
  if (s.kind === 'oidc')
    return {
      adapter: OidcClientAuthCodeSource,
      providers: [
        http,
        provideAuth({
          config: {
            configId: 'genesys',
            authority: s.issuer,
            clientId: s.clientId,
            redirectUrl: s.redirectUri,
            postLogoutRedirectUri: s.redirectUri,
            scope: s.scope,
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
          useValue: {
            configId: 'genesys',
            redirectUri: s.redirectUri,
            clientId: s.clientId,
            returnUrl: s.returnUrl,
          },
        },
        OidcClientAuthCodeSource,
      ],
    };
  return {
    adapter: OAuth2OidcAuthCodeSource,
    providers: [
      http,
      provideOAuthClient(),
      {
        provide: OAUTH2_OIDC_GENESYS_OPTIONS,
        useValue: {
          returnUrl: s.returnUrl,
          config: {
            issuer: s.issuer,
            clientId: s.clientId,
            redirectUri: s.redirectUri,
            postLogoutRedirectUri: s.redirectUri,
            responseType: 'code',
            scope: s.scope,
            // The emulator's IdP is plain http on loopback; keep 'remoteOnly' or true in production.
            requireHttps: false,
            showDebugInformation: false,
          },
        },
      },
      OAuth2OidcAuthCodeSource,
    ],
  };
}
