import { createPlatformClient } from './platform-client';
import { Redactor } from './sanitize';
import { type VerifyTarget, resolveTarget } from './target';
import { VerifyError } from './verify-error';

export { VerifyError };
export type { VerifyTarget };

export interface VerifyOptions {
  conversationId: string;
  /** The attributes the customer participant must carry, key to expected value. */
  expect: Readonly<Record<string, string>>;
  target: VerifyTarget;
  clientId: string;
  clientSecret: string;
}

export interface VerifyRow {
  readonly key: string;
  readonly expected: string;
  /** As the API returned it (a non-string value is shown as JSON); the secret and the token are redacted. */
  readonly actual: string | undefined;
  readonly ok: boolean;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly conversationId: string;
  readonly rows: readonly VerifyRow[];
  /** The routing queue, from the ACD participant: its name when the API gives one, else its id. */
  readonly queue: string | null;
}

interface Participant {
  purpose?: unknown;
  attributes?: unknown;
  queueName?: unknown;
  queueId?: unknown;
}

/**
 * Logs in with client credentials, reads `GET /api/v2/conversations/{id}` and compares the
 * customer participant's attributes with `expect`. (The tutorial's
 * `POST /api/v2/conversations/details/query` does not exist, and the analytics query that does
 * cannot return attributes.) The host rules are checked first (see `resolveTarget`): a refused
 * host is a usage VerifyError and nothing is sent.
 */
export async function verifyConversation(options: VerifyOptions): Promise<VerifyResult> {
  const endpoint = resolveTarget(options.target);
  const redactor = new Redactor()
    .add(options.clientSecret)
    .add(Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64'));
  const { platform, client } = createPlatformClient(endpoint);

  try {
    const auth = await client.loginClientCredentialsGrant(options.clientId, options.clientSecret);
    redactor.add(auth?.accessToken);
  } catch (error) {
    throw classify(error, 'log in with client credentials', redactor);
  }

  let conversation: unknown;
  try {
    const response: unknown = await new platform.ConversationsApi(client).getConversation(
      options.conversationId,
    );
    conversation = (response as { body?: unknown } | null)?.body;
  } catch (error) {
    throw classify(error, `read conversation ${options.conversationId}`, redactor);
  }
  const participants = participantsOf(conversation);
  const customer = participants.find((p) => p.purpose === 'customer');
  const acd = participants.find(
    (p) => p.purpose === 'acd' && (text(p.queueName) || text(p.queueId)),
  );
  const actual = isRecord(customer?.attributes) ? customer.attributes : {};
  const rows = Object.entries(options.expect).map(([key, expected]) => {
    const value = Object.hasOwn(actual, key) ? actual[key] : undefined;
    const shown =
      value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
    // Compared raw, then redacted: a server that echoes the token into an attribute cannot get it printed.
    return {
      key,
      expected,
      actual: shown === undefined ? undefined : redactor.apply(shown),
      ok: value === expected,
    };
  });
  const queue = text(acd?.queueName) ?? text(acd?.queueId) ?? null;
  return {
    ok: customer !== undefined && rows.every((r) => r.ok),
    conversationId: options.conversationId,
    rows,
    queue: queue === null ? null : redactor.apply(queue),
  };
}

function participantsOf(conversation: unknown): Participant[] {
  const list = isRecord(conversation) ? conversation['participants'] : undefined;
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Turns an SDK failure into a message: the login rejects with the axios error, an API call (with
 * extended responses) with `{ status, body, error }`. Outside text (the server's message, the
 * network error) is escaped and redacted.
 */
function classify(error: unknown, doing: string, redactor: Redactor): VerifyError {
  const e = (isRecord(error) ? error : {}) as {
    status?: unknown;
    body?: { message?: unknown };
    response?: { status?: unknown; data?: { message?: unknown; error_description?: unknown } };
    error?: { code?: unknown; message?: unknown };
    code?: unknown;
    message?: unknown;
  };
  const status =
    typeof e.response?.status === 'number'
      ? e.response.status
      : typeof e.status === 'number'
        ? e.status
        : undefined;
  const what = `Could not ${redactor.show(doing)}`;
  if (status === 401 || status === 403) {
    return new VerifyError(
      'auth',
      `${what}: HTTP ${status}. Check GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET, that the OAuth client uses the Client Credentials grant, and that its role has conversation:communication:view.`,
    );
  }
  if (status === 404) {
    return new VerifyError(
      'not-found',
      `${what}: not found (HTTP 404). Check the conversation id and the region.`,
    );
  }
  if (status !== undefined) {
    const said =
      text(e.body?.message) ??
      text(e.response?.data?.message) ??
      text(e.response?.data?.error_description);
    return new VerifyError(
      'network',
      `${what}: HTTP ${status}${said ? ` (server says: ${redactor.show(said).slice(0, 300)})` : ''}.`,
    );
  }
  const cause =
    text(e.code) ??
    text(e.error?.code) ??
    text(e.message) ??
    text(e.error?.message) ??
    'network error';
  return new VerifyError(
    'network',
    `${what}: ${redactor.show(cause)}. Check the region or --base-url and the network.`,
  );
}
