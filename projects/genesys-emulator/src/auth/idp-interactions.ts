// The IdP's own sign-in pages (oidc-provider's dev interactions are off): GET shows a form to sign
// in as one of the configured test users, POST finishes the login interaction, and oidc-provider
// then redirects the browser on to the client's redirect URI with the code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { messagePage, pageHeaders, signInPage } from './html';
import type { OidcProvider } from './libs';
import type { TestUser } from './types';

const PATH = /^\/interaction\/([A-Za-z0-9_-]{1,128})$/;
const MAX_FORM_BYTES = 4096;

export interface InteractionDeps {
  readonly provider: OidcProvider;
  readonly users: readonly TestUser[];
  /** Origins the form may end up at after its redirects (CSP form-action). */
  readonly formTargets: readonly string[];
  readonly log: (line: string) => void;
}

function send(
  res: ServerResponse,
  status: number,
  html: string,
  formTargets: readonly string[],
): void {
  res.writeHead(status, pageHeaders(formTargets));
  res.end(html);
}

function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  return new Promise((resolve) => {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim();
    if (type !== 'application/x-www-form-urlencoded') return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', () => resolve(undefined));
  });
}

/** Returns false when the request is not an interaction route (the caller passes it to oidc-provider). */
export async function handleInteraction(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  const match = PATH.exec(path);
  if (!match) return false;
  const choices = deps.users.map((u) => ({
    sub: u.sub,
    label: `${u.given_name} ${u.family_name} <${u.email}>`,
  }));
  try {
    const details = await deps.provider.interactionDetails(req, res);
    if (details.prompt.name !== 'login') {
      // Consent is granted by loadExistingGrant for the first-party client; anything else is unexpected.
      send(
        res,
        400,
        messagePage('Sign-in error', `Unsupported prompt: ${details.prompt.name}`),
        deps.formTargets,
      );
      return true;
    }
    if (req.method === 'GET') {
      send(
        res,
        200,
        signInPage(path, 'Genesys Cloud Messenger (emulated)', choices),
        deps.formTargets,
      );
      return true;
    }
    if (req.method !== 'POST') {
      send(res, 405, messagePage('Method not allowed', 'Use the sign-in form.'), deps.formTargets);
      return true;
    }
    const form = await readForm(req);
    const sub = form?.get('sub') ?? '';
    if (!deps.users.some((u) => u.sub === sub)) {
      send(
        res,
        400,
        signInPage(path, 'Genesys Cloud Messenger (emulated)', choices),
        deps.formTargets,
      );
      return true;
    }
    await deps.provider.interactionFinished(
      req,
      res,
      { login: { accountId: sub } },
      { mergeWithLastSubmission: false },
    );
    deps.log('idp: sign-in completed');
  } catch (error) {
    // e.g. SessionNotFound: the interaction cookie is missing or expired. Name the error, not the data.
    deps.log(`idp: interaction failed (${error instanceof Error ? error.name : 'error'})`);
    if (!res.headersSent)
      send(
        res,
        400,
        messagePage('Sign-in expired', 'Start the sign-in again from the application.'),
        deps.formTargets,
      );
    else res.end();
  }
  return true;
}
