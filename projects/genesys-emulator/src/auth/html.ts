// Server-rendered pages of the IdP: every value escaped, no script at all, and a CSP that allows
// only this page's own stylesheet (by hash) and form posts to the IdP and the registered redirect
// origins (Chromium applies form-action to the redirects that follow the post).
import { createHash } from 'node:crypto';

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}' +
  'label{display:block;margin:.5rem 0}button{margin-top:1rem;padding:.5rem 1rem}.muted{color:#555}';
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Headers for every page the IdP renders itself. */
export function pageHeaders(formTargets: readonly string[]): Record<string, string> {
  const formAction = ["'self'", ...new Set(formTargets)].join(' ');
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `default-src 'none'; style-src ${STYLE_HASH}; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** `title` is escaped here; `body` must already be escaped markup built by the callers below. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export interface SignInChoice {
  readonly sub: string;
  readonly label: string;
}

export function signInPage(
  action: string,
  clientName: string,
  users: readonly SignInChoice[],
): string {
  const options = users
    .map(
      (u, i) =>
        `<label><input type="radio" name="sub" value="${escapeHtml(u.sub)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(u.label)}</label>`,
    )
    .join('');
  return page(
    'Sign in',
    `<h1>Sign in</h1><p class="muted">to ${escapeHtml(clientName)} (emulator test identity provider)</p>` +
      `<form method="post" action="${escapeHtml(action)}">${options}<button type="submit">Sign in</button></form>`,
  );
}

export function messagePage(title: string, text: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`);
}
