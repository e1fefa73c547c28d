import type { Observable } from 'rxjs';
import type { CrmCustomer, GenesysAttributes } from '../attributes/crm-customer';
import type { GenesysDiagnosis } from '../diagnostics/genesys-diagnosis';
import type {
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
  load(): Promise<void>;
  startChat(customer: CrmCustomer | string, options?: StartChatOptions): Promise<StartChatResult>;
  setAttributes(attributes: GenesysAttributes): Promise<void>;
  identify(customer: CrmCustomer | string): Promise<void>;
  clearIdentity(): Promise<void>;
  diagnose(): Promise<GenesysDiagnosis>;
}

/** What an engine needs from the service that owns the status. */
export interface ChatEngineHost {
  setStatus(status: GenesysChatStatus): void;
  status(): GenesysChatStatus;
}
