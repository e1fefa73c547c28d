import type { NgZone } from '@angular/core';
import type { GenesysEventEnvelope } from '../messenger/genesys-global';
import type { ChatEngineHost } from './chat-engine';
import { PanelState } from './panel-state';
import { listenMessengerOpenFallback } from './unconfirmed-messenger-names';
import { enterZone } from './zone-entry';

/** What the panel wiring needs from the engine. */
export interface PanelWiringHost {
  readonly zone: NgZone;
  readonly document: Document;
  readonly host: ChatEngineHost;
  listen(name: string, listener: (envelope: GenesysEventEnvelope) => void): () => void;
  onDestroy(teardown: () => void): void;
  /** The engine's own open flag and status follow the panel. */
  onOpenChange(open: boolean): void;
}

/**
 * Connects the panel's open state and unread count to the service's signals, and the
 * UNCONFIRMED `Messenger.opened/closed` fallback to the same open flag. Callbacks re-enter the
 * zone because the service's signals drive templates in zone.js apps.
 */
export function wirePanel(wiring: PanelWiringHost): PanelState {
  const panel = new PanelState({
    listen: (name, listener) => wiring.listen(name, listener),
    document: wiring.document,
    onDestroy: (teardown) => wiring.onDestroy(teardown),
    openChanged: enterZone(wiring.zone, (open: boolean) => {
      wiring.host.setOpen(open);
      wiring.onOpenChange(open);
    }),
    unreadChanged: enterZone(wiring.zone, (count: number) => wiring.host.setUnread(count)),
  });
  wiring.onDestroy(
    listenMessengerOpenFallback(
      (name, listener) => wiring.listen(name, listener),
      enterZone(wiring.zone, (open: boolean) => wiring.onOpenChange(open)),
    ),
  );
  return panel;
}
