// Recipe: docs/recipes/angular-auth-oidc-client.md. A GenesysAuthCodeSource over
// angular-auth-oidc-client: the library builds the authorization request (PKCE S256, state, nonce)
// and keeps the code verifier; Genesys, not the app, redeems the code, so checkAuth() is never
// called on the callback and the library never sees a token.
import { DOCUMENT, Injectable, InjectionToken, PLATFORM_ID, inject, signal } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { AbstractSecurityStorage, OidcSecurityService } from 'angular-auth-oidc-client';
import { firstValueFrom } from 'rxjs';
import type {
  GenesysAuthCode,
  GenesysAuthCodeRequest,
  GenesysAuthCodeSource,
} from 'ngx-genesys-chat';
import { HeldCode, answerAuthCode, readCallback, untilRedirect } from './held-code';

/** What the adapter needs beside the library's own `provideAuth({ config })`. */
export interface OidcClientGenesysOptions {
  /** The `configId` of that config. */
  readonly configId: string;
  /** The config's `redirectUrl`: the redirect URI registered at the provider. */
  readonly redirectUri: string;
  /** The config's `clientId`, sent with the sign-out (there is no ID token to hint with). */
  readonly clientId: string;
  /** Where the page goes after the callback (`history.replaceState`); default `/`. */
  readonly returnUrl?: () => string;
}

/** Provide the adapter's options with this token. */
export const OIDC_CLIENT_GENESYS_OPTIONS = new InjectionToken<OidcClientGenesysOptions>(
  'OIDC_CLIENT_GENESYS_OPTIONS',
);

/** Where the adapter stands, for a sign-in button (names only, never a value). */
export type AdapterStatus = 'signedOut' | 'codeReady' | 'codeGiven' | 'failed';

/**
 * angular-auth-oidc-client 22 keeps its flow data as one JSON object per config id in the
 * AbstractSecurityStorage (`codeVerifier`, `authNonce`). The library has no public getter for the
 * verifier, so this is the one place that reads it; the spec and the e2e fail if the layout changes.
 */
function storedFlowData(
  storage: AbstractSecurityStorage,
  configId: string,
): Record<string, unknown> {
  try {
    return (JSON.parse(storage.read(configId) ?? '{}') as Record<string, unknown> | null) ?? {};
  } catch {
    return {};
  }
}

@Injectable()
export class OidcClientAuthCodeSource implements GenesysAuthCodeSource {
  private readonly oidc = inject(OidcSecurityService);
  private readonly storage = inject(AbstractSecurityStorage);
  private readonly options = inject(OIDC_CLIENT_GENESYS_OPTIONS);
  private readonly document = inject(DOCUMENT);
  private readonly held = new HeldCode();
  private readonly statusSignal = signal<AdapterStatus>('signedOut');
  /** Read once, when the app starts: the callback's code is in the URL only on that load. */
  private readonly captured: Promise<void> = isPlatformBrowser(inject(PLATFORM_ID))
    ? this.capture()
    : Promise.resolve();

  /** For the app's sign-in UI. */
  readonly status = this.statusSignal.asReadonly();

  /** Starts the sign-in at the provider (a full-page redirect built by the library). */
  signIn(): void {
    this.oidc.authorize(this.options.configId);
  }

  async getAuthCode(request: GenesysAuthCodeRequest): Promise<GenesysAuthCode | null> {
    await this.captured;
    return answerAuthCode(
      this.held,
      request.forceUpdate,
      (status) => this.statusSignal.set(status),
      () => this.signIn(),
    );
  }

  /** Messenger's tokens are no longer valid: a fresh sign-in (the page leaves). */
  reAuthenticate(): Promise<void> {
    return untilRedirect(() => this.signIn());
  }

  /** Last step of `GenesysChatAuth.logout()`: the library's logoff, then the provider's sign-out page. */
  async signOut(): Promise<void> {
    this.held.clear();
    this.statusSignal.set('signedOut');
    await firstValueFrom(
      this.oidc.logoff(this.options.configId, {
        customParams: { client_id: this.options.clientId },
      }),
    );
  }

  private async capture(): Promise<void> {
    const location = this.document.location;
    const callback = readCallback(location, this.options.redirectUri);
    if (!callback) return;
    const { configId } = this.options;
    if (callback.error) {
      this.refuse(callback.error);
    } else if (callback.code) {
      // The state check the library would do in checkAuth(): CSRF protection for the redirect.
      const expected = await firstValueFrom(this.oidc.getState(configId));
      const flow = storedFlowData(this.storage, configId);
      const codeVerifier = flow['codeVerifier'];
      const nonce = flow['authNonce'];
      if (!expected || callback.state !== expected) this.refuse('state_mismatch');
      else if (typeof codeVerifier !== 'string' || !codeVerifier) this.refuse('no_code_verifier');
      else {
        this.held.hold({
          authCode: callback.code,
          redirectUri: this.options.redirectUri,
          codeVerifier,
          ...(typeof nonce === 'string' && nonce && { nonce }),
          ...(callback.iss && { iss: callback.iss }),
        });
        this.statusSignal.set('codeReady');
      }
    }
    // The code is single use and must not stay in the address bar or the history.
    this.document.defaultView?.history.replaceState(null, '', this.options.returnUrl?.() ?? '/');
  }

  private refuse(why: string): void {
    this.held.refuse(why);
    this.statusSignal.set('failed');
  }
}
