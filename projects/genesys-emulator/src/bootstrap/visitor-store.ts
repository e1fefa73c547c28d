/*
 * What the bootstrap stand-in remembers of a visitor across page loads: the guest session token
 * and the transcript the page saw, both in the page's localStorage per deployment.
 *
 * Genesys Messenger keeps its conversation in browser storage and, on reload, reconnects with the
 * stored token and publishes `MessagingService.restored` with the latest 25 messages (reference §4
 * "Restore"). The emulator's server has no history route, so the stand-in keeps the transcript
 * itself, the way Messenger keeps it in the browser. Where Genesys keeps it (its own origin, per
 * HELP-faq, or the host page) is UNCONFIRMED (reference §4 "No destroy"); the emulator uses the
 * host page's origin, under keys the page cannot mistake for Genesys' own (`genesys-emulator:`).
 */
import { uuid } from './database-helpers';

/** Genesys restores the latest 25 messages (reference §2 `MessagingService.restored`, §4). */
export const RESTORE_LIMIT = 25;

export type MessageBody = Record<string, unknown> & { id?: string };

export interface VisitorStore {
  /** The stored guest token, or null when this browser has no visitor yet. */
  token(): string | null;
  /** The stored token, or a new one (a UUID, as Genesys' clients invent it; reference §5). */
  ensureToken(): string;
  /** Keeps one message the page saw (either direction), at most the latest RESTORE_LIMIT. */
  append(body: MessageBody): void;
  /** The kept transcript of the current token, oldest first. */
  recent(): MessageBody[];
  /** Drops the transcript only (the server no longer knows the session). */
  forgetTranscript(): void;
  /** Forgets the visitor: token and transcript. */
  forget(): void;
  /**
   * Marks a live session in the host page's `_<deploymentId>:gcmcsessionActive`, the key UKHO's
   * production code reads to detect one (reference §4 "Restore"; an undocumented SDK-owned key,
   * value `{"value":"true"}`). The emulator never removes it: when Genesys does is UNCONFIRMED,
   * and removing it at logout is the page's job (GS, reference §2 `Identifiers.purgeAll`).
   */
  markSessionActive(): void;
}

interface StoredTranscript {
  token: string;
  messages: MessageBody[];
}

export function createVisitorStore(deploymentId: string): VisitorStore {
  const tokenKey = `genesys-emulator:token:${deploymentId}`;
  const transcriptKey = `genesys-emulator:transcript:${deploymentId}`;

  const token = () => localStorage.getItem(tokenKey);

  function read(): MessageBody[] {
    const current = token();
    const raw = localStorage.getItem(transcriptKey);
    if (!current || !raw) return [];
    try {
      const stored = JSON.parse(raw) as StoredTranscript;
      // A transcript of another token is someone else's conversation: never shown.
      return stored.token === current && Array.isArray(stored.messages) ? stored.messages : [];
    } catch {
      return [];
    }
  }

  return {
    token,
    ensureToken() {
      let value = token();
      if (!value) {
        value = uuid();
        localStorage.setItem(tokenKey, value);
      }
      return value;
    },
    append(body) {
      const current = token();
      if (!current) return;
      const messages = read().filter((m) => !body.id || m.id !== body.id);
      messages.push(body);
      const kept: StoredTranscript = { token: current, messages: messages.slice(-RESTORE_LIMIT) };
      localStorage.setItem(transcriptKey, JSON.stringify(kept));
    },
    recent: read,
    forgetTranscript: () => localStorage.removeItem(transcriptKey),
    forget() {
      localStorage.removeItem(transcriptKey);
      localStorage.removeItem(tokenKey);
    },
    markSessionActive: () =>
      localStorage.setItem(`_${deploymentId}:gcmcsessionActive`, '{"value":"true"}'),
  };
}
