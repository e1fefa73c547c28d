/**
 * The agent page's HTML. The admin token rides in a <meta> element of this same-origin page, so
 * agent.js can send it; the page is served without CORS, cannot be framed, and is never cached,
 * so no other origin can read the token out of it.
 */
export function agentPageHtml(token: string): string {
  // The token is base64url (A-Z a-z 0-9 - _): nothing in it needs escaping in an attribute.
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('agent page: token must be base64url');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Genesys emulator: agent</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="genesys-emulator-token" content="${token}">
<link rel="stylesheet" href="/emulator/agent.css">
</head>
<body>
<header><strong>Genesys emulator</strong>: agent view (conversations, their attributes, their queue)</header>
<main id="conversations"><p>No conversations yet.</p></main>
<script src="/emulator/agent.js"></script>
</body>
</html>
`;
}

/** The page's styles, served as a file so its CSP needs no 'unsafe-inline'. */
export const AGENT_PAGE_CSS = `body { font: 14px system-ui, sans-serif; margin: 0; background: #f4f6fa; color: #1d2533; }
header { background: #1d2533; color: #fff; padding: 12px 20px; }
main { padding: 16px 20px; display: grid; gap: 16px; }
.conversation { background: #fff; border-radius: 8px; padding: 12px 16px; box-shadow: 0 1px 3px #0002; }
.queue { font-weight: 600; color: #2d6cdf; }
table { border-collapse: collapse; margin: 8px 0; }
td { border: 1px solid #dde3ee; padding: 2px 8px; font-family: ui-monospace, monospace; }
.Inbound { color: #1d2533; } .Outbound { color: #2d6cdf; }
form { display: flex; gap: 8px; margin-top: 8px; } input { flex: 1; padding: 4px 8px; }
`;

/** Frames refused twice (CSP for current browsers, X-Frame-Options for old ones); scripts and fetches only from the emulator itself. */
export const AGENT_PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;
