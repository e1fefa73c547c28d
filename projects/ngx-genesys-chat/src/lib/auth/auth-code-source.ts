import { InjectionToken, type Type } from '@angular/core';

/**
 * What `AuthProvider.getAuthCode` resolves with (reference §4a; DC-ap, DC-am): the authorization
 * code of the customer's sign-in at your OpenID provider, never a token the page minted itself.
 */
export interface GenesysAuthCode {
  /** The authorization code from the provider's redirect. Mandatory. */
  readonly authCode: string;
  /** The redirect URI registered at the provider for this sign-in. Mandatory. */
  readonly redirectUri: string;
  /** The PKCE code verifier, when the sign-in used PKCE. */
  readonly codeVerifier?: string;
  /** The nonce sent with the authorization request (Okta needs it). */
  readonly nonce?: string;
  /** Seconds since the customer authenticated (Okta, optional). */
  readonly maxAge?: number;
  /** The `iss` parameter of the authorization response, when the provider sends one. */
  readonly iss?: string;
}

/** What Messenger asked for: `forceUpdate` means the previous code was used or refused, get a fresh one. */
export interface GenesysAuthCodeRequest {
  readonly forceUpdate: boolean;
}

/**
 * The app's side of authenticated messaging, usually a thin adapter over its OIDC library.
 * Keep OAuth in that library: this interface only hands its results to Messenger.
 */
export interface GenesysAuthCodeSource {
  /**
   * The latest authorization code, asked for each time Messenger needs one (never cache an old
   * one). Resolve `null` when the customer is not signed in; reject when the sign-in failed.
   * With `forceUpdate`, start a fresh sign-in (a full-page redirect may never resolve, which is fine).
   */
  getAuthCode(request: GenesysAuthCodeRequest): Promise<GenesysAuthCode | null>;
  /**
   * Messenger's refresh token or code is no longer valid: sign the customer in again. Resolve when
   * done; Messenger then asks `getAuthCode` by itself. A redirect that reloads the page need not resolve.
   */
  reAuthenticate(): Promise<void>;
  /** Optional: sign out at the provider. `GenesysChatAuth.logout()` calls it last (it may navigate away). */
  signOut?(): Promise<void>;
}

/** The source `withAuthenticatedMessaging()` was given, resolved through `inject()`. */
export const GENESYS_AUTH_CODE_SOURCE = new InjectionToken<GenesysAuthCodeSource>(
  'GENESYS_AUTH_CODE_SOURCE',
);

/** A class the app's injector can create (`@Injectable({ providedIn: 'root' })` or provided), or a token. */
export type GenesysAuthCodeSourceRef =
  Type<GenesysAuthCodeSource> | InjectionToken<GenesysAuthCodeSource>;
