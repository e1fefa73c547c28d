import type { Observable } from 'rxjs';
import type { CrmCustomer, GenesysAttributes } from '../attributes/crm-customer';
import type { GenesysDiagnosis } from '../diagnostics/genesys-diagnosis';
import type {
  ClearIdentityOptions,
  GenesysChatEvent,
  GenesysChatStatus,
  StartChatOptions,
  StartChatResult,
} from './genesys-chat-types';

/**
 * The one small driver interface `GenesysChatService` talks to. The default driver is the
 * Genesys Messenger engine (snippet, script, `Genesys()` commands); `withMessagingWidget()` swaps
 * in a driver for a team's own widget of the tutorial's shape. Both are lazily loaded chunks.
 */
export interface ChatEngine {
  readonly ready$: Observable<void>;
  readonly events$: Observable<GenesysChatEvent>;
  /** See `GenesysChatService.load()`. */
  load(): Promise<void>;
  /** See `GenesysChatService.startChat()`. */
  startChat(customer: CrmCustomer | string, options?: StartChatOptions): Promise<StartChatResult>;
  /** See `GenesysChatService.setAttributes()`. */
  setAttributes(attributes: GenesysAttributes): Promise<void>;
  /** See `GenesysChatService.identify()`. */
  identify(customer: CrmCustomer | string): Promise<void>;
  /** See `GenesysChatService.clearIdentity()`. */
  clearIdentity(options?: ClearIdentityOptions): Promise<void>;
  /** See `GenesysChatService.diagnose()`. */
  diagnose(): Promise<GenesysDiagnosis>;
  /** Optional members: a driver without a panel or launcher leaves them out (the service then refuses). */
  openPanel?(): Promise<void>;
  /** See `GenesysChatService.close()`. */
  closePanel?(): Promise<void>;
  /** See `GenesysChatService.showLauncher()`. */
  showLauncher?(): Promise<void>;
  /** See `GenesysChatService.hideLauncher()`. */
  hideLauncher?(): Promise<void>;
  /** Page context beside the customer's attributes (`withRouterContext()`); never loads Messenger. */
  setContext?(attributes: GenesysAttributes): void;
  /** `Journey.pageview` where the deployment has journey events on; nothing before Messenger loads. */
  recordPageView?(view: { pageTitle: string; pageLocation: string }): Promise<void>;
}

/** What an engine needs from the service that owns the status. */
export interface ChatEngineHost {
  /** Publishes a new status to the service's signal and observable. */
  setStatus(status: GenesysChatStatus): void;
  /** The status the service shows now. */
  status(): GenesysChatStatus;
  /** Messenger's panel opened or closed (`isOpen`). */
  setOpen(open: boolean): void;
  /** The unread count changed (`unreadCount`). */
  setUnread(count: number): void;
  /** The page context set before the engine loaded. */
  context?(): GenesysAttributes;
}
