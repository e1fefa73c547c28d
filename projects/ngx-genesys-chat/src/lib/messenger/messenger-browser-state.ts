/**
 * The two host-page localStorage keys Genesys' own sample removes to reset a visitor:
 * `_<deploymentId>:gcmcopn` and `_<deploymentId>:gcmcsessionActive`.
 *
 * UNCONFIRMED (reference §4 "No destroy", source GS; UKHO reads `gcmcsessionActive`): these keys
 * are undocumented and SDK-owned. Genesys' FAQ (HELP-faq) says Messenger keeps its identifiers in
 * localStorage under the Genesys Cloud origin, inside its iframe, which no host page can reach. So
 * which data lives here and which lives there is not known; removing these keys is what a page
 * CAN do, not a guarantee that Messenger forgot the visitor. Everything about where Messenger's
 * browser data lives is in this one function.
 *
 * Returns the keys it found and removed (names only, never values). Storage errors (disabled
 * storage, private modes) are swallowed: there is then nothing of Messenger's to remove either.
 */
export function removeMessengerHostKeys(win: Window | null, deploymentId: string): string[] {
  const removed: string[] = [];
  try {
    const storage = win?.localStorage;
    if (!storage) return removed;
    for (const suffix of ['gcmcopn', 'gcmcsessionActive']) {
      const key = `_${deploymentId}:${suffix}`;
      if (storage.getItem(key) === null) continue;
      storage.removeItem(key);
      removed.push(key);
    }
  } catch {
    // Storage blocked: nothing a page can remove.
  }
  return removed;
}
