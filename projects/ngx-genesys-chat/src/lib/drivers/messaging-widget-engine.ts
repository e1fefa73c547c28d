import { DestroyRef, NgZone, inject } from '@angular/core';
import { Observable, timeout } from 'rxjs';
import {
  buildAttributes,
  buildCustomerAttributes,
  type CustomAttributes,
} from '../attributes/build-attributes';
import type { CrmCustomer, GenesysAttributes } from '../attributes/crm-customer';
import { GENESYS_CHAT_CONFIG, type ResolvedGenesysChatConfig } from '../config/genesys-chat-config';
import { resolveGenesysChatConfig } from '../config/resolve-config';
import type { GenesysDiagnosis } from '../diagnostics/genesys-diagnosis';
import { commandRejected, commandTimeout, messengerError, readyTimeout } from '../errors/errors';
import { GenesysChatError } from '../errors/genesys-chat-error';
import type { ChatEngine, ChatEngineHost } from '../service/chat-engine';
import type {
  GenesysChatEvent,
  StartChatOptions,
  StartChatResult,
} from '../service/genesys-chat-types';
import { GENESYS_MESSAGING_WIDGET, type MessagingWidgetLike } from './messaging-widget';

/**
 * The `withMessagingWidget()` driver: the same validation, readiness timeout, typed errors and
 * one-at-a-time starts as the Messenger engine, over the tutorial's widget shape.
 */
export class MessagingWidgetEngine implements ChatEngine {
  private readonly factory = inject(GENESYS_MESSAGING_WIDGET);
  private readonly rawConfig = inject(GENESYS_CHAT_CONFIG, { optional: true });
  private readonly zone = inject(NgZone);
  private widget: MessagingWidgetLike | null = null;
  private attempt: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private extra: Record<string, string> = {};
  private identity: CustomAttributes | null = null;
  private readonly errorListeners = new Set<(error: GenesysChatError) => void>();
  private readonly readyListeners = new Set<() => void>();
  private pending: { unsubscribe(): void } | null = null;
  private destroyed = false;

  readonly ready$ = new Observable<void>((subscriber) => {
    this.load().then(
      () => this.zone.run(() => (subscriber.next(), subscriber.complete())),
      (error: unknown) => this.zone.run(() => subscriber.error(error)),
    );
  });

  readonly events$ = new Observable<GenesysChatEvent>((subscriber) => {
    const listener = (error: GenesysChatError) =>
      this.zone.run(() => subscriber.next({ type: 'error', error }));
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  });

  constructor(private readonly host: ChatEngineHost) {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
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
      let config: ResolvedGenesysChatConfig;
      try {
        config = resolveGenesysChatConfig(this.rawConfig);
      } catch (error) {
        reject(error);
        return;
      }
      this.host.setStatus('loading');
      const readiness = new Observable<void>((subscriber) => {
        const widget = this.createWidget(config);
        const ready = () => {
          subscriber.next();
          subscriber.complete();
        };
        const failed = (error: GenesysChatError) => subscriber.error(error);
        this.readyListeners.add(ready);
        this.errorListeners.add(failed);
        if (widget.isReady()) ready();
        return () => {
          this.readyListeners.delete(ready);
          this.errorListeners.delete(failed);
        };
      }).pipe(
        timeout({
          first: config.readyTimeoutMs,
          with: () =>
            new Observable<never>((s) =>
              s.error(readyTimeout(config.readyTimeoutMs, ["the widget's 'ready' event"])),
            ),
        }),
      );
      this.pending = this.zone.runOutsideAngular(() =>
        readiness.subscribe({
          next: () => {
            this.host.setStatus('ready');
            resolve();
          },
          error: (error: unknown) => {
            this.attempt = null; // a later call retries
            this.host.setStatus('failed');
            reject(error);
          },
        }),
      );
    });
    attempt.catch(() => undefined);
    return (this.attempt = attempt);
  }

  startChat(
    customer: CrmCustomer | string,
    options: StartChatOptions = {},
  ): Promise<StartChatResult> {
    let config: ResolvedGenesysChatConfig;
    let attributes: CustomAttributes;
    try {
      config = resolveGenesysChatConfig(this.rawConfig);
      attributes = buildCustomerAttributes(customer, options.attributes, config);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.enqueue(async () => {
      await this.load();
      this.host.setStatus('starting');
      // The tutorial's mapping: the attributes, and the CRM id as user.id.
      const customAttributes = { ...this.identity, ...this.extra, ...attributes };
      try {
        await this.call('startChat', config, () =>
          this.widget!.startChat({
            customAttributes,
            user: { id: attributes[config.crmAttributeKey] },
          }),
        );
      } catch (error) {
        this.host.setStatus('ready');
        throw error;
      }
      this.host.setStatus('open');
      return { attributes: Object.freeze(customAttributes), mode: config.mode };
    });
  }

  setAttributes(attributes: GenesysAttributes): Promise<void> {
    try {
      const checked = buildAttributes(attributes, resolveGenesysChatConfig(this.rawConfig));
      this.extra = { ...this.extra, ...checked };
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  identify(customer: CrmCustomer | string): Promise<void> {
    try {
      this.identity = buildCustomerAttributes(
        customer,
        undefined,
        resolveGenesysChatConfig(this.rawConfig),
      );
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  clearIdentity(): Promise<void> {
    this.identity = null;
    this.extra = {};
    return Promise.resolve();
  }

  diagnose(): Promise<GenesysDiagnosis> {
    return Promise.reject(
      new GenesysChatError(
        'MESSENGER_ERROR',
        'diagnose() checks Genesys Messenger; it has nothing to check with withMessagingWidget().',
      ),
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
      const error = messengerError('MessagingWidget.error', reason);
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
        () => reject(commandTimeout(`MessagingWidget.${name}`, config.commandTimeoutMs)),
        config.commandTimeoutMs,
      );
      Promise.resolve()
        .then(() => this.zone.runOutsideAngular(run))
        .then(
          (value) => (clearTimeout(timer), this.destroyed || resolve(value)),
          (reason) => (
            clearTimeout(timer),
            this.destroyed || reject(commandRejected(`MessagingWidget.${name}`, reason))
          ),
        );
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
