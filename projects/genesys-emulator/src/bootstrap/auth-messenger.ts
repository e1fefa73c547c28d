/*
 * The bootstrap stand-in's Auth plugin (reference §4a): on a deployment with `auth.enabled`, once
 * the page's AuthProvider plugin called `ready()`, it publishes `Auth.ready` (with
 * `data('Auth.authenticated')`), asks the page for a code (`AuthProvider.getAuthCode`), exchanges
 * it at `token/oauthcodegrantjwtexchange`, keeps the JWT and refresh token in localStorage and
 * publishes `Auth.authenticated`. The Guest socket then configures an authenticated session with
 * the JWT (guest-connection.ts). A refused JWT is refreshed (`token/refresh`); a refused refresh
 * runs the page's `AuthProvider.reAuthenticate`, then `getAuthCode` again (DC-am). `Auth.logout`
 * revokes (`DELETE token/revoke`, bearer JWT), removes the tokens, forgets the visitor and
 * publishes the logout event. Failures publish `Auth.error` with `data.message`, never a token.
 */
import { publishLoggedOut } from './auth-names';
import type { PluginHost } from './auth-plugin-host';
import { type StoredTokens, createTokenStore } from './auth-token-store';

export interface AuthMessengerDeps {
  readonly base: string;
  readonly deploymentId: string;
  readonly plugins: PluginHost;
  publish(event: string, data?: unknown): void;
  /** Forgets the visitor and closes the socket (the server ended the session at revoke). */
  forgetVisitor(): void;
}

type Answer = { status: number; body: Record<string, unknown> };

export function createAuthMessenger(deps: AuthMessengerDeps) {
  const { base, deploymentId, plugins, publish } = deps;
  const tokens = createTokenStore(deploymentId);
  let enabled = false;
  let started = false;
  let signingIn: Promise<string> | null = null;
  let loggingOut = false;

  const error = (message: string) => publish('Auth.error', { message });

  async function call(method: string, name: string, body?: unknown, jwt?: string) {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (jwt) headers['Authorization'] = `bearer ${jwt}`;
    const response = await fetch(`${base}/api/v2/webdeployments/token/${name}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = {};
    }
    return { status: response.status, body: parsed } as Answer;
  }

  /** The message of a refused token call: the emulator's own (token-free) text and the status. */
  const refusal = (what: string, answer: Answer) =>
    `${what} was refused (${answer.status})${
      typeof answer.body['message'] === 'string' ? `: ${answer.body['message']}` : ''
    }`;

  async function runProvider(command: string, data: Record<string, unknown>): Promise<unknown> {
    const handler = plugins.commands[`AuthProvider.${command}`];
    if (!handler) throw `AuthProvider.${command} is not registered`;
    return handler(data);
  }

  /** getAuthCode → exchange → stored tokens; resolves with the JWT. One at a time. */
  function signIn(forceUpdate: boolean): Promise<string> {
    signingIn ??= (async () => {
      let code: Record<string, unknown>;
      try {
        code = ((await runProvider('getAuthCode', { forceUpdate })) ?? {}) as Record<
          string,
          unknown
        >;
      } catch {
        publish('Auth.authError', { message: 'AuthProvider.getAuthCode was rejected' });
        throw 'getAuthCode rejected';
      }
      if (typeof code['authCode'] !== 'string' || typeof code['redirectUri'] !== 'string') {
        error('AuthProvider.getAuthCode resolved without authCode and redirectUri');
        throw 'no auth code';
      }
      const oauth: Record<string, unknown> = {
        code: code['authCode'],
        redirectUri: code['redirectUri'],
      };
      for (const key of ['codeVerifier', 'nonce', 'maxAge', 'iss'])
        if (code[key] !== undefined) oauth[key] = code[key];
      const answer = await call('POST', 'oauthcodegrantjwtexchange', { deploymentId, oauth }).catch(
        () => ({ status: 0, body: {} }) as Answer,
      );
      const { jwt, refreshToken } = answer.body as { jwt?: unknown; refreshToken?: unknown };
      if (answer.status !== 200 || typeof jwt !== 'string' || typeof refreshToken !== 'string') {
        error(refusal('The authorization code exchange', answer));
        throw 'exchange refused';
      }
      tokens.save({ jwt, refreshToken });
      plugins.setData('Auth.authenticated', true);
      publish('Auth.authenticated', {});
      return jwt;
    })().finally(() => (signingIn = null));
    return signingIn;
  }

  /** token/refresh with the stored refresh token; undefined when it was refused. */
  async function refresh(stored: StoredTokens): Promise<string | undefined> {
    const answer = await call('POST', 'refresh', {
      refreshToken: stored.refreshToken,
      deploymentId,
    });
    const jwt = answer.body['jwt'];
    if (answer.status === 200 && typeof jwt === 'string') {
      tokens.save({ ...stored, jwt });
      return jwt;
    }
    if (answer.status !== 401) error(refusal('The token refresh', answer));
    return undefined;
  }

  async function start(): Promise<void> {
    await plugins.whenReady('AuthProvider');
    started = true;
    const stored = tokens.read();
    plugins.setData('Auth.authenticated', !!stored);
    publish('Auth.ready', {});
    if (stored) publish('Auth.authenticated', {});
    else await signIn(false).catch(() => undefined);
  }

  async function logout(): Promise<unknown> {
    loggingOut = true;
    try {
      const stored = tokens.read();
      let status = 204;
      if (stored) {
        let answer = await call('DELETE', 'revoke', undefined, stored.jwt);
        // MT-uml: on 401 refresh once and retry.
        if (answer.status === 401) {
          const jwt = await refresh(stored).catch(() => undefined);
          if (jwt) answer = await call('DELETE', 'revoke', undefined, jwt);
        }
        status = answer.status;
      }
      tokens.remove();
      plugins.setData('Auth.authenticated', false);
      deps.forgetVisitor();
      publishLoggedOut(publish);
      if (status !== 204 && status !== 401) throw `token/revoke answered ${status}`;
      return {};
    } finally {
      loggingOut = false;
    }
  }

  return {
    commands: { 'Auth.logout': () => logout() } as Record<string, () => Promise<unknown>>,
    /** From the deployment's config.json (reference §4a: `auth.enabled`, MT DeploymentConfig). */
    configure(deployment: { auth?: { enabled?: boolean } }): void {
      enabled = deployment.auth?.enabled === true;
      if (enabled) void start();
    },
    /**
     * The JWT for configureAuthenticatedSession, signing in when none is stored; undefined when the
     * deployment has auth off or the page registered no AuthProvider (the session is anonymous).
     */
    async jwt(): Promise<string | undefined> {
      if (!enabled || !started) return undefined;
      return tokens.read()?.jwt ?? signIn(false);
    },
    /** The server refused the JWT: refresh, else reAuthenticate and sign in again. */
    async renew(): Promise<string> {
      const stored = tokens.read();
      const refreshed = stored ? await refresh(stored).catch(() => undefined) : undefined;
      if (refreshed) return refreshed;
      tokens.remove();
      plugins.setData('Auth.authenticated', false);
      try {
        await runProvider('reAuthenticate', {});
      } catch {
        publish('Auth.authError', { message: 'AuthProvider.reAuthenticate was rejected' });
        throw 'reAuthenticate rejected';
      }
      return signIn(false);
    },
    /** LogoutEvent from the server (revoked elsewhere): the tokens are of no use any more. */
    serverLoggedOut(): void {
      if (loggingOut || !tokens.read()) return;
      tokens.remove();
      plugins.setData('Auth.authenticated', false);
      deps.forgetVisitor();
      publishLoggedOut(publish);
    },
  };
}

export type AuthMessenger = ReturnType<typeof createAuthMessenger>;
