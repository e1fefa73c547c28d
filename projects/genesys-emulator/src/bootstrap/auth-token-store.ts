/*
 * Where the stand-in Auth plugin keeps its tokens: localStorage, until logout, as DC-auth says the
 * Auth plugin does. The key is the emulator's own (Genesys' key name is not in any source read).
 */

/** The exchange's answer (GO Webdeploymentsauthorizationresponse; MT AuthJwt). */
export interface StoredTokens {
  readonly jwt: string;
  readonly refreshToken: string;
}

export function createTokenStore(deploymentId: string) {
  const key = `genesys-emulator:auth:${deploymentId}`;
  return {
    /** The stored tokens, or null (none, or not readable). */
    read(): StoredTokens | null {
      try {
        const value = JSON.parse(
          localStorage.getItem(key) ?? 'null',
        ) as Partial<StoredTokens> | null;
        return typeof value?.jwt === 'string' && typeof value.refreshToken === 'string'
          ? { jwt: value.jwt, refreshToken: value.refreshToken }
          : null;
      } catch {
        return null;
      }
    },
    save: (tokens: StoredTokens) => localStorage.setItem(key, JSON.stringify(tokens)),
    remove: () => localStorage.removeItem(key),
    key,
  };
}
