import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { OAuthClient } from './config';
import { secretsEqual } from './http/guard';
import { readBody } from './http/respond';
import type { Conversation } from './store';

export type TokenAnswer =
  | { status: 200; body: { access_token: string; token_type: 'bearer'; expires_in: number } }
  | { status: 400 | 401; body: { error: string; description: string } };

/**
 * The OAuth client-credentials stand-in for `POST /oauth/token`. Client id and secret are each
 * compared whole and in constant time; every token it issued dies with `revokeAll()` (a reset).
 */
export class OAuthStandIn {
  private readonly tokens = new Set<string>();

  constructor(private readonly clients: readonly OAuthClient[]) {}

  async issue(req: IncomingMessage): Promise<TokenAnswer> {
    const form = new URLSearchParams(await readBody(req));
    let id = form.get('client_id') ?? '';
    let secret = form.get('client_secret') ?? '';
    const basic = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      // RFC 7617: the id ends at the FIRST colon; everything after it is the secret, colons included.
      const pair = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = pair.indexOf(':');
      [id, secret] = colon < 0 ? ['', ''] : [pair.slice(0, colon), pair.slice(colon + 1)];
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return {
        status: 400,
        body: {
          error: 'unsupported_grant_type',
          description: 'grant_type must be client_credentials',
        },
      };
    }
    // Check every client, so the time taken does not say which id exists.
    let known = false;
    for (const c of this.clients) {
      const idOk = secretsEqual(id, c.clientId);
      const secretOk = secretsEqual(secret, c.clientSecret);
      known = (idOk && secretOk) || known;
    }
    if (!known || !id || !secret) {
      return {
        status: 401,
        body: { error: 'invalid_client', description: 'client not found or secret wrong' },
      };
    }
    const token = randomUUID(); // 122 random bits, the shape the protocol tests expect
    this.tokens.add(token);
    return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: 86399 } };
  }

  authorized(req: IncomingMessage): boolean {
    const bearer = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '');
    return !!bearer && this.tokens.has(bearer[1]);
  }

  revokeAll(): void {
    this.tokens.clear();
  }
}

/**
 * EMULATOR-ONLY: the verified identity beside the claimed attributes. Real Genesys does not show it
 * here: Architect reads `Message.IsAuthenticated` and `Message.Message.senderAddressInfo` (the `sub`,
 * `email`, name claims; reference §4a, HELP-attr), and identity resolution links the conversation to
 * an external contact. A test or agent page reads this field to see what the emulator verified.
 * Absent for an anonymous conversation, so the resource keeps Genesys' shape then.
 */
function verifiedIdentity(c: Conversation) {
  if (!c.verified) return {};
  return {
    verifiedIdentity: {
      subject: c.verified.sub,
      externalId: c.verified.externalId ?? null,
      claimMismatch: c.verificationMismatch,
    },
  };
}

/** `GET /api/v2/conversations/{id}`: the customer participant with its attributes, and the ACD participant with the queue. */
export function conversationResource(c: Conversation) {
  return {
    id: c.id,
    startTime: c.startTime,
    ...(c.state === 'disconnected' && { endTime: new Date().toISOString() }),
    participants: [
      {
        id: c.customerParticipantId,
        purpose: 'customer',
        state: c.state,
        attributes: { ...c.attributes },
        ...verifiedIdentity(c),
      },
      {
        id: `${c.id.slice(0, 8)}-acd0-4000-8000-${c.id.slice(-12)}`,
        purpose: 'acd',
        state: c.state,
        queueId: c.queueId,
        queueName: c.queueName,
        attributes: {},
      },
    ],
  };
}

/** What the agent page (and `conversations()`) shows of a conversation. */
export function conversationSummary(c: Conversation) {
  return {
    id: c.id,
    deploymentId: c.deploymentId,
    state: c.state,
    startTime: c.startTime,
    queueName: c.queueName,
    attributes: { ...c.attributes },
    ...verifiedIdentity(c),
    // Emulator-only, for the agent page: a Typing event in the last 5 s (the fixture's duration).
    customerTyping:
      c.state === 'connected' &&
      c.customerTypingAt !== undefined &&
      Date.now() - c.customerTypingAt < 5000,
    messages: c.messages.map((m) => ({ ...m })),
  };
}

export function notFound() {
  return {
    message: 'The requested conversation could not be found.',
    code: 'not.found',
    status: 404,
  };
}
