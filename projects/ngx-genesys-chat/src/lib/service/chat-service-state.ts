import { signal } from '@angular/core';
import { BehaviorSubject } from 'rxjs';
import type { GenesysAttributes } from '../attributes/crm-customer';
import type { ChatEngineHost } from './chat-engine';
import type { GenesysChatStatus } from './genesys-chat-types';

/**
 * What `GenesysChatService` shows (status, open, unread), each as a signal for templates and a
 * subject for streams, and the `ChatEngineHost` through which the engine writes it. A destroyed
 * app takes no more writes, so no subject emits after it completed.
 */
export class ChatServiceState {
  readonly status = signal<GenesysChatStatus>('idle');
  readonly status$ = new BehaviorSubject<GenesysChatStatus>('idle');
  readonly open = signal(false);
  readonly unread = signal(0);
  readonly unread$ = new BehaviorSubject<number>(0);
  /** The latest page context (`withRouterContext()`), kept until the engine loads. */
  context: GenesysAttributes = {};
  private dead = false;

  /** The engine's view of this state. */
  readonly host: ChatEngineHost = {
    setStatus: (status) => this.setStatus(status),
    status: () => this.status$.value,
    setOpen: (open) => this.open.set(open),
    setUnread: (count) => {
      if (this.dead) return;
      this.unread.set(count);
      this.unread$.next(count);
    },
    context: () => this.context,
  };

  /** Whether the app was destroyed. */
  get destroyed(): boolean {
    return this.dead;
  }

  destroy(): void {
    this.dead = true;
    this.status$.complete();
    this.unread$.complete();
  }

  private setStatus(status: GenesysChatStatus): void {
    if (this.status$.value === status || this.dead) return;
    this.status.set(status);
    this.status$.next(status);
  }
}
