// The demo reads its settings from the query string, but the provider redirects back to the fixed
// callback URL (a redirect URI must match exactly), so the query is kept in the tab across the trip.

export const CALLBACK_PATH = '/auth/callback';
const KEY = 'demo:query-before-sign-in';

function tabStorage(win: Window | null): Storage | null {
  try {
    return win?.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** Call before leaving for the provider (sign-in or sign-out). */
export function rememberDemoQuery(win: Window): void {
  tabStorage(win)?.setItem(KEY, win.location.search);
}

/** The query the demo was opened with: the remembered one while at the callback URL. */
export function demoQuery(win: Window | null): string {
  if (!win) return '';
  if (win.location.pathname !== CALLBACK_PATH) return win.location.search;
  return tabStorage(win)?.getItem(KEY) ?? '';
}

/** Where the adapter sends the page after the callback: the demo with its original query. */
export function demoReturnUrl(win: Window): string {
  return `/${tabStorage(win)?.getItem(KEY) ?? ''}`;
}
