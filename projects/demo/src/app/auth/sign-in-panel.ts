import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { GenesysChatAuth, type GenesysChatError } from 'ngx-genesys-chat';
import type { AdapterStatus } from './oidc-client-auth-code-source';
import { DEMO_SIGN_IN } from './demo-auth';
import { rememberDemoQuery } from './demo-query';

const STATUS: Record<AdapterStatus, string> = {
  signedOut: 'Not signed in.',
  codeReady:
    'Signed in at the IdP: an authorization code waits for Messenger (Genesys redeems it).',
  codeGiven: 'The authorization code went to Messenger.',
  failed: 'The sign-in did not complete.',
};

/**
 * The customer's "Sign in" step (shown with `?auth=`): the OIDC library redirects to the emulator's
 * IdP with PKCE; on the way back the adapter hands the unredeemed code to Messenger, which turns it
 * into a web-messaging JWT. "Sign out" is GenesysChatAuth.logout(): the conversation and attributes
 * go, Messenger's tokens go (Auth.logout), then the IdP session.
 */
@Component({
  selector: 'demo-sign-in-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (signIn; as s) {
      <h2>
        Sign in <small>({{ s.library }})</small>
      </h2>
      <p role="status" data-testid="sign-in-status">{{ statusText[s.status()] }}</p>
      <p>
        Messenger authentication:
        <strong data-testid="auth-state">{{ auth?.state() ?? 'off' }}</strong>
      </p>
      @if (auth?.state() === 'authenticated' || s.status() !== 'signedOut') {
        <button type="button" data-testid="sign-out" [disabled]="busy()" (click)="signOut()">
          Sign out
        </button>
      }
      @if (auth?.state() !== 'authenticated') {
        <button type="button" data-testid="sign-in" [disabled]="busy()" (click)="start()">
          Sign in at the test IdP
        </button>
      }
      @if (error()) {
        <p class="error" data-testid="auth-error">{{ error() }}</p>
      }
    }
  `,
})
export class SignInPanel {
  protected readonly signIn = inject(DEMO_SIGN_IN, { optional: true });
  protected readonly auth = inject(GenesysChatAuth, { optional: true });
  private readonly window = inject(DOCUMENT).defaultView;
  protected readonly statusText = STATUS;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    // Error events carry a typed code and a how-to-fix message, never a code or token.
    const subscription = this.auth?.events$.subscribe((e) => {
      if (e.type === 'error') this.error.set(`${e.error.code}: ${e.error.message}`);
      else this.error.set(null);
    });
    inject(DestroyRef).onDestroy(() => subscription?.unsubscribe());
  }

  protected start(): void {
    this.busy.set(true);
    this.signIn?.signIn();
  }

  protected async signOut(): Promise<void> {
    if (!this.auth || !this.window) return;
    this.busy.set(true);
    rememberDemoQuery(this.window); // the IdP's sign-out page returns to the callback URL
    try {
      await this.auth.logout();
    } catch (e) {
      const error = e as GenesysChatError;
      this.error.set(`${error.code ?? 'ERROR'}: ${error.message}`);
    } finally {
      this.busy.set(false);
    }
  }
}
