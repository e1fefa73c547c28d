import platformClient from 'purecloud-platform-client-v2';

/** Where to find the Platform API: a Genesys region (`eu-west-1`), or a base URL (a proxy, or the local emulator). */
export type VerifyTarget = { region: string } | { baseUrl: string };

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

/** A failure to verify at all (auth, not found, network); the message never contains the secret. */
export class VerifyError extends Error {
  override readonly name = 'VerifyError';
  constructor(
    readonly kind: 'auth' | 'not-found' | 'network' | 'usage',
    message: string,
  ) {
    super(message);
  }
}

interface Participant {
  purpose?: string;
  attributes?: Record<string, string>;
  queueName?: string;
  queueId?: string;
}

/**
 * Logs in with client credentials, reads `GET /api/v2/conversations/{id}` and compares the
 * customer participant's attributes with `expect`. (The tutorial's
 * `POST /api/v2/conversations/details/query` does not exist, and the analytics query that does
 * cannot return attributes.)
 */
export async function verifyConversation(options: VerifyOptions): Promise<VerifyResult> {
  const client = new platformClient.ApiClientClass();
  if ('region' in options.target) {
    const host = (platformClient.PureCloudRegionHosts as Record<string, string>)[options.target.region.replace(/-/g, '_')];
    if (!host) throw new VerifyError('usage', `Unknown region "${options.target.region}". Use an AWS region name such as eu-west-1.`);
    client.setEnvironment(host);
  } else {
    let url: URL;
    try {
      url = new URL(options.target.baseUrl);
    } catch {
      throw new VerifyError('usage', `--base-url "${options.target.baseUrl}" is not a URL.`);
    }
    client.setGateway({
      protocol: url.protocol.replace(':', ''),
      host: url.hostname,
      port: url.port ? Number(url.port) : -1,
    } as never);
  }

  try {
    await client.loginClientCredentialsGrant(options.clientId, options.clientSecret);
  } catch (error) {
    throw classify(error, 'log in with client credentials', options.clientSecret);
  }

  let conversation: { id?: string; participants?: Participant[] };
  try {
    conversation = await new platformClient.ConversationsApi(client).getConversation(options.conversationId);
  } catch (error) {
    throw classify(error, `read conversation ${options.conversationId}`, options.clientSecret);
  }
  const participants = conversation.participants ?? [];
  const customer = participants.find((p) => p.purpose === 'customer');
  const acd = participants.find((p) => p.purpose === 'acd' && (p.queueName || p.queueId));
  const actual = customer?.attributes ?? {};
  const rows = Object.entries(options.expect).map(([key, expected]) => {
    const value = Object.hasOwn(actual, key) ? actual[key] : undefined;
    return { key, expected, actual: value, ok: value === expected };
  });
  return {
    ok: customer !== undefined && rows.every((r) => r.ok),
    conversationId: options.conversationId,
    rows,
    queue: acd?.queueName ?? acd?.queueId ?? null,
  };
}

function classify(error: unknown, doing: string, secret: string): VerifyError {
  const e = error as { status?: number; statusCode?: number; message?: string; code?: string };
  const status = e?.status ?? e?.statusCode;
  const scrub = (text: string) => (secret ? text.split(secret).join('***') : text);
  if (status === 401 || status === 403) {
    return new VerifyError(
      'auth',
      `Could not ${doing}: HTTP ${status}. Check GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET, that the OAuth client uses the Client Credentials grant, and that its role has conversation:communication:view.`,
    );
  }
  if (status === 404) {
    return new VerifyError('not-found', `Could not ${doing}: not found (HTTP 404). Check the conversation id and the region.`);
  }
  if (status) return new VerifyError('network', `Could not ${doing}: HTTP ${status}.`);
  return new VerifyError('network', scrub(`Could not ${doing}: ${e?.code ?? e?.message ?? 'network error'}. Check the region or --base-url and the network.`));
}

/** The table the CLI prints: expected against actual, then the queue. */
export function formatResult(result: VerifyResult): string {
  const head = ['attribute', 'expected', 'actual', ''];
  const body = result.rows.map((r) => [r.key, r.expected, r.actual ?? '(missing)', r.ok ? 'ok' : 'MISMATCH']);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [
    `conversation ${result.conversationId}`,
    line(head),
    ...body.map(line),
    `routing queue: ${result.queue ?? '(none)'}`,
    result.ok ? 'all expected attributes match' : 'MISMATCH: the conversation does not carry the expected attributes',
  ].join('\n');
}
