// Loads oidc-provider and jose only when authentication is switched on. Both are ESM-only: tsc's
// CommonJS output turns `import()` into `require()`, which plain Node 20.19+ does for ESM, but jest's
// loader cannot (toolchain.md "Identity and security libraries"). Nothing else in the emulator imports
// this file at the top level, so the jest suite and an emulator started without auth never load them.
import type { IncomingMessage, ServerResponse } from 'node:http';

type Jose = typeof import('jose');

/** The few parts of oidc-provider 9 the emulator uses (the package ships no type declarations). */
export interface OidcGrant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: readonly string[]): void;
  save(): Promise<string>;
}

export interface OidcContext {
  readonly oidc: {
    readonly client?: { readonly clientId: string; readonly redirectUris: readonly string[] };
    readonly session?: {
      readonly accountId?: string;
      grantIdFor(clientId: string): string | undefined;
    };
    readonly result?: { readonly consent?: { readonly grantId?: string } };
  };
  body?: unknown;
  type?: string;
  set(name: string, value: string): void;
}

export interface OidcInteraction {
  readonly uid: string;
  readonly prompt: { readonly name: string };
  readonly params: Readonly<Record<string, unknown>>;
}

export interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<OidcInteraction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  on(event: string, listener: (ctx: unknown, error: unknown) => void): void;
  readonly Grant: {
    new (init: { clientId: string; accountId: string }): OidcGrant;
    find(id: string): Promise<OidcGrant | undefined>;
  };
}

export type OidcProviderConstructor = new (
  issuer: string,
  configuration: Record<string, unknown>,
) => OidcProvider;

export interface AuthLibs {
  readonly Provider: OidcProviderConstructor;
  readonly jose: Jose;
}

let loaded: Promise<AuthLibs> | undefined;

export function loadAuthLibs(): Promise<AuthLibs> {
  loaded ??= (async () => {
    try {
      // A non-literal specifier: the package has no types, and `OidcProviderConstructor` says what we use.
      const specifier: string = 'oidc-provider';
      const oidc = (await import(specifier)) as { Provider?: OidcProviderConstructor };
      if (typeof oidc.Provider !== 'function') throw new Error('no Provider export');
      const jose = await import('jose');
      return { Provider: oidc.Provider, jose };
    } catch (error) {
      loaded = undefined;
      const why =
        (error as { code?: unknown }).code ?? (error instanceof Error ? error.message : 'error');
      throw new Error(
        `auth: could not load oidc-provider and jose (${String(why)}). They are ESM-only: run the emulator ` +
          'with plain Node >= 20.19 (not inside jest) and install its dependencies.',
      );
    }
  })();
  return loaded;
}
