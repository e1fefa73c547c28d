/**
 * Page-wide state, keyed by window: Genesys allows one Messenger per page, so two Angular apps (or
 * one app created twice) share it. Kept in its own small module so the reset used by
 * `ngx-genesys-chat/testing` does not pull the loader and the dispatcher into an app's initial
 * bundle.
 */
export const pageStates = new WeakMap<object, { load?: unknown; dispatcher?: unknown }>();

export function pageState(win: object): { load?: unknown; dispatcher?: unknown } {
  let state = pageStates.get(win);
  if (!state) pageStates.set(win, (state = {}));
  return state;
}
