// The IdP runs on its own loopback HTTP server, apart from the emulator's server: in production the
// customer's IdP is a different origin from Genesys, so cookies, CSP and the issuer stay separate, and
// the emulator's route table (owned elsewhere) needs no change to host it. Port 0 by default.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleInteraction } from './idp-interactions';
import { idpConfiguration, signingJwks } from './idp-config';
import type { AuthLibs, OidcProvider } from './libs';
import type { TestUser } from './types';

export interface IdpOptions {
  readonly host: string;
  readonly port: number;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  readonly users: readonly TestUser[];
  readonly log: (line: string) => void;
}

export interface Idp {
  readonly issuer: string;
  readonly provider: OidcProvider;
  close(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

export async function startIdp(libs: AuthLibs, options: IdpOptions): Promise<Idp> {
  // Filled in once the provider exists (it needs the issuer, which needs the bound port).
  const late: {
    handler?: (req: IncomingMessage, res: ServerResponse) => void;
    provider?: OidcProvider;
  } = {};
  const server = createServer((req, res) => {
    if (late.handler) late.handler(req, res);
    else res.writeHead(503).end();
  });
  // The issuer must contain the port, so the server listens before the provider is built.
  const address = await listen(server, options.host, options.port);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const issuer = `http://${host}:${address.port}`;

  const config = idpConfiguration(
    { ...options, provider: () => late.provider as OidcProvider },
    await signingJwks(libs.jose),
  );
  const built = new libs.Provider(issuer, config);
  late.provider = built;
  built.on('server_error', (_ctx, error) =>
    options.log(`idp: server error (${error instanceof Error ? error.name : 'error'})`),
  );
  const formTargets = [...options.redirectUris, ...options.postLogoutRedirectUris].map(
    (u) => new URL(u).origin,
  );
  const oidcCallback = built.callback();
  late.handler = (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    void handleInteraction(
      { provider: built, users: options.users, formTargets, log: options.log },
      req,
      res,
      path,
    ).then(
      (handled) => {
        if (!handled) oidcCallback(req, res);
      },
      () => res.writeHead(500).end(),
    );
  };
  return {
    issuer,
    provider: built,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
