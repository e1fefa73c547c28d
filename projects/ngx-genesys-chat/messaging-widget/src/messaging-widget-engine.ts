import { DestroyRef, NgZone, inject } from '@angular/core';
import { Observable, timeout } from 'rxjs';
import {
  GENESYS_CHAT_CONFIG,
  GenesysChatError,
  type CrmCustomer,
  type CustomAttributes,
  type GenesysAttributes,
  type GenesysChatEvent,
  type GenesysDiagnosis,
  type ResolvedGenesysChatConfig,
  type StartChatOptions,
  type StartChatResult,
  type ɵChatEngine,
  type ɵChatEngineHost,
  type ɵEngineKit,
} from 'ngx-genesys-chat';
import { GENESYS_MESSAGING_WIDGET, type MessagingWidgetLike } from './messaging-widget-types';

/**
 * The `withMessagingWidget()` driver: the same validation, readiness timeout, typed errors and
 * ordering model (`AttributeSync`) as the Messenger engine, over the tutorial's widget shape. The
 * widget has no Database: the desired map D travels with `widget.startChat`, so its write is a no-op.
 * It imports only types and tokens from `ngx-genesys-chat`; its run-time helpers come from the
 * lazily loaded engine kit (`ɵloadEngineKit()`), so they stay out of every app's initial chunk.
 */
export class MessagingWidgetEngine implements ɵChatEngine {
  private readonly factory = inject(GENESYS_MESSAGING_WIDGET);
  private readonly rawConfig = inject(GENESYS_CHAT_CONFIG, { optional: true });
  private readonly zone = inject(NgZone);
  private widget: MessagingWidgetLike | null = null;
  private attempt: Promise<void> | null = null;
  private readonly errorListeners = new Set<(error: GenesysChatError) => void>();
  private readonly readyListeners = new Set<() => void>();
  private pending: { unsubscribe(): void } | null = null;
  private destroyed = false;
  private readonly setStatus: ɵChatEngineHost['setStatus'];
  private readonly sync: InstanceType<ɵEngineKit['AttributeSync']>;

  readonly ready$ = new Observable<void>((subscriber) => {
    this.load().then(
      this.kit.enterZone(this.zone, () => (subscriber.next(), subscriber.complete())),
      this.kit.enterZone(this.zone, (error: unknown) => subscriber.error(error)),
    );
  });

  readonly events$ = new Observable<GenesysChatEvent>((subscriber) => {
    const listener = this.kit.enterZone(this.zone, (error: GenesysChatError) =>
      subscriber.next({ type: 'error', error }),
    );
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  });

  constructor(
    private readonly host: ɵChatEngineHost,
    private readonly kit: ɵEngineKit,
  ) {
    this.setStatus = kit.enterZone(this.zone, (s: Parameters<ɵChatEngineHost['setStatus']>[0]) =>
      host.setStatus(s),
    );
    this.sync = new kit.AttributeSync(
      { write: async () => undefined, load: () => this.load() },
      null,
      true,
    );
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.sync.destroy();
      this.pending?.unsubscribe(); // clears the readiness timer
      try {
        this.widget?.destroy();
      } catch {
        // A widget that fails to tear down must not break the app's own teardown.
      }
    });
  }

  load(): Promise<void> {
    if (this.attempt) return this.attempt;
    const attempt = new Promise<void>((resolve, reject) => {
      const config = this.config();
      this.setStatus('loading');
      this.pending = this.zone.runOutsideAngular(() =>
        this.readiness(config).subscribe({
          next: () => (this.setStatus('ready'), resolve()),
          error: (error: unknown) => {
            this.attempt = null; // a later call retries
            this.setStatus('failed');
            reject(error);
          },
        }),
      );
    });
    attempt.catch(() => undefined);
    return (this.attempt = attempt);
  }

  async startChat(
    customer: CrmCustomer | string,
    options?: StartChatOptions,
  ): Promise<StartChatResult> {
    const config = this.config();
    const attributes = this.kit.checkedCustomer(customer, options, config);
    return this.sync.startChat(
      attributes,
      this.kit.startKey(attributes, options?.message),
      (snapshot) => this.open(snapshot, config),
    );
  }

  async setAttributes(attributes: GenesysAttributes): Promise<void> {
    return this.sync.merge(this.kit.checkedMerge(attributes, this.config()));
  }

  async identify(customer: CrmCustomer | string): Promise<void> {
    return this.sync.identify(this.kit.checkedCustomer(customer, undefined, this.config()));
  }

  async clearIdentity(): Promise<void> {
    return this.sync.clear();
  }

  async diagnose(): Promise<GenesysDiagnosis> {
    throw new GenesysChatError(
      'MESSENGER_ERROR',
      'diagnose() checks Genesys Messenger; it has nothing to check with withMessagingWidget().',
    );
  }

  /** The tutorial's mapping: the attributes, and the CRM id as user.id. */
  private async open(
    snapshot: CustomAttributes,
    config: ResolvedGenesysChatConfig,
  ): Promise<StartChatResult> {
    this.setStatus('starting');
    const customAttributes = { ...snapshot };
    try {
      await this.call('startChat', config, () =>
        this.widget!.startChat({
          customAttributes,
          user: { id: snapshot[config.crmAttributeKey] },
        }),
      );
    } catch (error) {
      this.setStatus('ready');
      throw error;
    }
    this.setStatus('open');
    return { attributes: snapshot, mode: config.mode };
  }

  private readiness(config: ResolvedGenesysChatConfig): Observable<void> {
    return new Observable<void>((subscriber) => {
      const widget = this.createWidget(config);
      const ready = () => (subscriber.next(), subscriber.complete());
      const failed = (error: GenesysChatError) => subscriber.error(error);
      this.readyListeners.add(ready);
      this.errorListeners.add(failed);
      if (widget.isReady()) ready();
      return () => (this.readyListeners.delete(ready), this.errorListeners.delete(failed));
    }).pipe(
      timeout({
        first: config.readyTimeoutMs,
        with: () =>
          new Observable<never>((s) =>
            s.error(this.kit.readyTimeout(config.readyTimeoutMs, ["the widget's 'ready' event"])),
          ),
      }),
    );
  }

  /**
   * Creates the widget once and listens to it once: a retried load must not stack listeners, or
   * one widget error would reach events$ several times.
   */
  private createWidget(config: ResolvedGenesysChatConfig): MessagingWidgetLike {
    if (this.widget) return this.widget;
    const widget = this.zone.runOutsideAngular(() => this.factory(config));
    widget.on('error', (reason) => {
      const error = this.kit.messengerError('MessagingWidget.error', reason);
      this.errorListeners.forEach((l) => l(error));
    });
    widget.on('ready', () => this.readyListeners.forEach((l) => l()));
    return (this.widget = widget);
  }

  /** Runs a widget call with the command timeout; its failures become COMMAND_REJECTED / COMMAND_TIMEOUT. */
  private call(
    name: string,
    config: ResolvedGenesysChatConfig,
    run: () => unknown,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(this.kit.commandTimeout(`MessagingWidget.${name}`, config.commandTimeoutMs)),
        config.commandTimeoutMs,
      );
      Promise.resolve()
        .then(() => this.zone.runOutsideAngular(run))
        .then(
          (value) => (clearTimeout(timer), this.destroyed || resolve(value)),
          (reason) => (
            clearTimeout(timer),
            this.destroyed || reject(this.kit.commandRejected(`MessagingWidget.${name}`, reason))
          ),
        );
    });
  }

  private config(): ResolvedGenesysChatConfig {
    return this.kit.resolveGenesysChatConfig(this.rawConfig);
  }
}
