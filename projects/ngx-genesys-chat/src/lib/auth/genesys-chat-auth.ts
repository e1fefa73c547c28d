import {
  DOCUMENT,
  DestroyRef,
  Injectable,
  NgZone,
  PLATFORM_ID,
  inject,
  signal,
} from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { Subject, type Observable } from 'rxjs';
import { GENESYS_CHAT_CONFIG } from '../config/genesys-chat-config';
import { GenesysChatError } from '../errors/genesys-chat-error';
import { isDeploymentId } from '../config/deployment-id';
import { notBrowser } from '../errors/not-browser';
import { type GenesysWindow, installGenesysQueue } from '../messenger/genesys-global';
import { type EngineKit, loadEngineKit } from '../service/load-engine-kit';
import { GenesysChatService } from '../service/genesys-chat.service';
import { GENESYS_AUTH_CODE_SOURCE, type GenesysAuthCode } from './auth-code-source';
import { authCodeUnavailable, authFailed } from './auth-errors';
import {
  type AuthBinding,
  type AuthProviderRegistration,
  type AuthSignal,
  authProviderRegistration,
} from './auth-provider-registration';
import type { GenesysAuthEvent, GenesysAuthState, GenesysLogoutOptions } from './auth-types';
import { checkAuthCode } from './check-auth-code';
import { withDeadline } from './deadline';
import type { GenesysPlugin } from './genesys-plugin';
import { joinConversation } from './unconfirmed-auth-names';
import { enterZone } from '../service/zone-entry';
import { ɵGENESYS_AUTH_SETTINGS } from './auth-settings';

/**
 * Authenticated messaging for the app: its state as a signal, its events as an Observable,
 * `logout()` and (headless, configure-only) `joinConversation()`. Provided by
 * `withAuthenticatedMessaging()`, which answers Messenger's `AuthProvider` commands from the app's
 * {@link GenesysAuthCodeSource}. No code or token is ever logged or put in a message.
 */
@Injectable()
export class GenesysChatAuth {
  private readonly source = inject(GENESYS_AUTH_CODE_SOURCE);
  private readonly chat = inject(GenesysChatService);
  private readonly zone = inject(NgZone);
  private readonly inZone = <R>(fn: () => R): R => enterZone(this.zone, fn)();
  private readonly document = inject(DOCUMENT);
  private readonly isBrowser = isPlatformBrowser(inject(PLATFORM_ID));
  /**
   * Read raw here, resolved through the engine kit only when a command needs it: the resolver is
   * lazy code, and importing it from this eager class would put it in every app's initial chunk.
   */
  private readonly rawConfig = inject(GENESYS_CHAT_CONFIG, { optional: true });
  private readonly settings = inject(ɵGENESYS_AUTH_SETTINGS);
  private readonly destroyRef = inject(DestroyRef);
  private readonly stateSignal = signal<GenesysAuthState>('unknown');
  private readonly eventsSubject = new Subject<GenesysAuthEvent>();
  private registration: AuthProviderRegistration | null = null;
  private loggingOut = 0;

  /** `'unknown' | 'authenticating' | 'authenticated' | 'signedOut' | 'failed'`, for templates. */
  readonly state = this.stateSignal.asReadonly();

  /** `authenticated`, `signedOut` and `error` (typed `GenesysChatError`) as they happen. Silent on the server. */
  readonly events$: Observable<GenesysAuthEvent> = this.eventsSubject.asObservable();

  private readonly binding: AuthBinding = {
    getAuthCode: (request) => this.answerGetAuthCode(request.forceUpdate),
    reAuthenticate: () => this.answerReAuthenticate(),
    onSignal: (s) => this.inZone(() => this.onSignal(s)),
  };

  constructor() {
    this.destroyRef.onDestroy(() => this.eventsSubject.complete());
  }

  /**
   * @internal Run once by the feature's environment initializer, before Messenger loads: installs
   * the snippet's queue if absent, so `registerPlugin` waits until `genesys.min.js` drains it (the
   * engine adds the deployment to the stub before it injects the script). Nothing happens on the
   * server, or without a deployment id. Other config errors are the engine's to report: it then
   * never loads the script, so the queued registration is never run.
   */
  ɵregister(): void {
    if (!this.isBrowser || this.registration) return;
    const win = this.document.defaultView as GenesysWindow | null;
    if (!win || !isDeploymentId(this.rawConfig?.deploymentId)) return;
    installGenesysQueue(win);
    this.registration = authProviderRegistration(win, this.settings);
    this.destroyRef.onDestroy(this.registration.bind(this.binding));
  }

  /**
   * Signs the customer out everywhere, in this order (see docs/genesys-api.md "Authenticated messaging"):
   * 1. `clearIdentity({ endConversation: true })` (unless `{ clearIdentity: false }`; `{ endConversation:
   *    false }` keeps the conversation): Messenger is loaded first, because a conversation restored
   *    from an earlier page can only be ended by a loaded Messenger; then, while the socket is still
   *    up, the conversation is ended on the server where the deployment allows it, the CRM attributes
   *    leave Messenger's page memory (no pending start can bring them back), and Messenger's
   *    identifiers and host-page keys are removed (see `GenesysChatService.clearIdentity`);
   * 2. `Auth.logout`, which removes Messenger's tokens (it loads Messenger if needed: the tokens
   *    outlive the page in localStorage); `getAuthCode` is refused meanwhile, so an IdP session
   *    still alive cannot silently sign the same customer back in;
   * 3. the source's `signOut()`, if it has one, last because it may navigate away.
   * Every step runs even if an earlier one failed; it then rejects with the first failure:
   * `AUTH_FAILED`, `COMMAND_TIMEOUT` (after `commandTimeoutMs`), a load error, or `NOT_BROWSER`.
   */
  async logout(options: GenesysLogoutOptions = {}): Promise<void> {
    if (!this.isBrowser) throw notBrowser();
    let failure: unknown = null;
    const keep = (error: unknown) => void (failure ??= error);
    this.loggingOut++;
    try {
      if (options.clearIdentity !== false) {
        const endConversation = options.endConversation !== false;
        // With endConversation the clear loads Messenger itself, so it reaches a restored conversation.
        await this.chat.clearIdentity({ endConversation }).catch(keep);
      }
      await this.runAuthLogout().then(
        () => this.transition('signedOut', { type: 'signedOut' }),
        (error: unknown) => {
          keep(error);
          if (error instanceof GenesysChatError) this.fail(error);
        },
      );
      if (this.source.signOut) {
        await this.source
          .signOut()
          .catch((reason: unknown) => keep(authFailed('signOut()', reason)));
      }
    } finally {
      this.loggingOut--;
    }
    if (failure !== null) throw failure;
  }

  /**
   * Headless with `configureOnly`: sends the Join when your chat UI opens.
   * UNCONFIRMED (reference §4a, source S): see `joinConversation` in unconfirmed-auth-names.ts.
   */
  async joinConversation(): Promise<void> {
    const { plugin, ms, kit } = await this.messengerPlugin();
    const name = 'MessagingService.joinConversation';
    await withDeadline(
      joinConversation(plugin).catch((reason: unknown) => {
        throw kit.commandRejected(name, reason);
      }),
      ms,
      () => kit.commandTimeout(name, ms),
    );
  }

  private async runAuthLogout(): Promise<void> {
    const { registration, ms, kit } = await this.messengerPlugin();
    const plugin = await withDeadline(registration.whenAuthReady(), ms, () =>
      authFailed(
        'Auth.ready',
        'the Auth plugin never became ready; is Authentication on in the Messenger configuration?',
      ),
    );
    await withDeadline(
      plugin.command('Auth.logout', {}).catch((reason: unknown) => {
        throw authFailed('Auth.logout', reason);
      }),
      ms,
      () => kit.commandTimeout('Auth.logout', ms),
    );
  }

  /** Loads Messenger (the plugin object exists only once its bootstrap ran) and returns the plugin. */
  private async messengerPlugin(): Promise<{
    registration: AuthProviderRegistration;
    plugin: GenesysPlugin;
    ms: number;
    kit: EngineKit;
  }> {
    if (!this.isBrowser) throw notBrowser();
    const kit = await loadEngineKit();
    // Throws the same INVALID_CONFIG the service reports; resolved per call, as logout and join are rare.
    const config = kit.resolveGenesysChatConfig(this.rawConfig);
    const registration = this.registration;
    if (!registration)
      throw authFailed('registerPlugin', 'withAuthenticatedMessaging() did not register');
    await this.chat.load();
    const ms = config.commandTimeoutMs;
    const plugin = await withDeadline(registration.whenPlugin(), ms, () =>
      authFailed('registerPlugin', 'Messenger loaded but never ran the AuthProvider registration'),
    );
    return { registration, plugin, ms, kit };
  }

  private async answerGetAuthCode(forceUpdate: boolean): Promise<GenesysAuthCode> {
    // Refused, not forwarded, during logout(): never a code for the customer being signed out.
    if (this.loggingOut > 0) throw authCodeUnavailable('a logout() is in progress');
    this.inZone(() => this.transition('authenticating'));
    let answer: unknown;
    try {
      answer = await this.source.getAuthCode({ forceUpdate });
    } catch (reason) {
      throw this.inZone(() =>
        this.fail(authCodeUnavailable('the source rejected getAuthCode()', reason)),
      );
    }
    const checked = checkAuthCode(answer);
    if (checked instanceof GenesysChatError) throw this.inZone(() => this.fail(checked));
    return checked;
  }

  private async answerReAuthenticate(): Promise<void> {
    if (this.loggingOut > 0) throw authCodeUnavailable('a logout() is in progress');
    this.inZone(() => this.transition('authenticating'));
    try {
      await this.source.reAuthenticate();
    } catch (reason) {
      throw this.inZone(() => this.fail(authFailed('reAuthenticate()', reason)));
    }
  }

  private onSignal(s: AuthSignal): void {
    switch (s.kind) {
      case 'ready':
        if (s.authenticated) this.transition('authenticated', { type: 'authenticated' });
        else if (this.stateSignal() === 'unknown') this.transition('signedOut');
        return;
      case 'authenticated':
        return this.transition('authenticated', { type: 'authenticated' });
      case 'loggedOut':
        return this.transition('signedOut', { type: 'signedOut' });
      case 'error':
        this.fail(authFailed(s.source, s.reason));
        return;
    }
  }

  private transition(next: GenesysAuthState, event?: GenesysAuthEvent): void {
    if (this.stateSignal() === next) return;
    this.stateSignal.set(next);
    if (event) this.eventsSubject.next(event);
  }

  private fail(error: GenesysChatError): GenesysChatError {
    this.stateSignal.set('failed');
    this.eventsSubject.next({ type: 'error', error });
    return error;
  }
}
