// Recipe: docs/recipes/angular-oauth2-oidc.md. A GenesysAuthCodeSource over angular-oauth2-oidc:
// the library builds the authorization request (PKCE S256, state = its nonce) and keeps the code
// verifier; Genesys, not the app, redeems the code, so tryLogin() is never called on the callback.
import { DOCUMENT, Injectable, InjectionToken, PLATFORM_ID, inject, signal } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { type AuthConfig, OAuthService, OAuthStorage } from 'angular-oauth2-oidc';
import type {
  GenesysAuthCode,
  GenesysAuthCodeRequest,
  GenesysAuthCodeSource,
} from 'ngx-genesys-chat';
import { HeldCode, answerAuthCode, readCallback, untilRedirect } from './held-code';
import type { AdapterStatus } from './oidc-client-auth-code-source';

/** What the adapter needs: the library's AuthConfig (code flow) and where to go after the callback. */
export interface OAuth2OidcGenesysOptions {
  /** `responseType: 'code'`, `redirectUri`, `issuer`, `clientId`, `scope`; PKCE stays on. */
  readonly config: AuthConfig & { readonly redirectUri: string; readonly clientId: string };
  /** Where the page goes after the callback (`history.replaceState`); default `/`. */
  readonly returnUrl?: () => string;
}

/** Provide the adapter's options with this token. */
export const OAUTH2_OIDC_GENESYS_OPTIONS = new InjectionToken<OAuth2OidcGenesysOptions>(
  'OAUTH2_OIDC_GENESYS_OPTIONS',
);

/**
 * angular-oauth2-oidc 21 keeps the PKCE verifier and the nonce in its OAuthStorage under
 * `PKCE_verifier` and `nonce` (in localStorage instead only on Internet Explorer), and puts the
 * nonce first in `state` (`nonce;userState`). The library has no public getter for them, so this is
 * the one place that reads them; the e2e fails if the layout changes.
 */
function storedPkce(storage: OAuthStorage): { verifier: string | null; nonce: string | null } {
  return { verifier: storage.getItem('PKCE_verifier'), nonce: storage.getItem('nonce') };
}

@Injectable()
export class OAuth2OidcAuthCodeSource implements GenesysAuthCodeSource {
  private readonly oauth = inject(OAuthService);
  private readonly storage = inject(OAuthStorage);
  private readonly options = inject(OAUTH2_OIDC_GENESYS_OPTIONS);
  private readonly document = inject(DOCUMENT);
  private readonly held = new HeldCode();
  private readonly statusSignal = signal<AdapterStatus>('signedOut');
  private discovery: Promise<unknown> | null = null;

  /** For the app's sign-in UI. */
  readonly status = this.statusSignal.asReadonly();

  constructor() {
    if (!isPlatformBrowser(inject(PLATFORM_ID))) return;
    if (this.options.config.disablePKCE)
      throw new Error('OAuth2OidcAuthCodeSource needs PKCE: leave disablePKCE off.');
    this.oauth.configure(this.options.config);
    this.capture();
  }

  /** Starts the sign-in at the provider (a full-page redirect built by the library). */
  signIn(): void {
    void this.discovered().then(() => this.oauth.initCodeFlow());
  }

  async getAuthCode(request: GenesysAuthCodeRequest): Promise<GenesysAuthCode | null> {
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

  /** Last step of `GenesysChatAuth.logout()`: the library's logOut, then the provider's sign-out page. */
  async signOut(): Promise<void> {
    this.held.clear();
    this.statusSignal.set('signedOut');
    await this.discovered();
    this.oauth.logOut({ client_id: this.options.config.clientId });
  }

  private discovered(): Promise<unknown> {
    this.discovery ??= this.oauth.loadDiscoveryDocument().catch((error: unknown) => {
      this.discovery = null;
      throw error;
    });
    return this.discovery;
  }

  private capture(): void {
    const callback = readCallback(this.document.location, this.options.config.redirectUri);
    if (!callback) return;
    if (callback.error) {
      this.refuse(callback.error);
    } else if (callback.code) {
      const { verifier, nonce } = storedPkce(this.storage);
      // The check tryLogin() would do: the nonce in state is the one this browser stored (CSRF).
      const stateNonce = (callback.state ?? '').split(this.oauth.nonceStateSeparator ?? ';')[0];
      if (!nonce || stateNonce !== nonce) this.refuse('state_mismatch');
      else if (!verifier) this.refuse('no_code_verifier');
      else {
        this.held.hold({
          authCode: callback.code,
          redirectUri: this.options.config.redirectUri,
          codeVerifier: verifier,
          nonce,
          ...(callback.iss && { iss: callback.iss }),
        });
        this.statusSignal.set('codeReady');
      }
    }
    this.document.defaultView?.history.replaceState(null, '', this.options.returnUrl?.() ?? '/');
  }

  private refuse(why: string): void {
    this.held.refuse(why);
    this.statusSignal.set('failed');
  }
}
