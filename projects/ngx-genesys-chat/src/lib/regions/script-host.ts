import { invalidConfig } from '../errors/errors';
import { GENESYS_REGIONS, type GenesysRegionInfo } from 'ngx-genesys-chat/regions';

/**
 * The library pins the script host itself: a CSP cannot, because the loader gives the script the
 * page's nonce and a nonce match overrides the CSP's host list. So a `scriptUrl` may only point at
 * the configured region's `apps.` host, at loopback (the emulator), or at a host the app's code
 * lists in `allowedScriptHosts`. Exact host names only: no suffix, subdomain or wildcard match.
 */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

// A DNS name as the URL parser writes it: lower-case labels of letters, digits and hyphens.
const HOST_NAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Validates `allowedScriptHosts` and returns it lower-cased. */
export function checkAllowedScriptHosts(value: unknown): readonly string[] {
  if (value === undefined) return [];
  const fix =
    'must be an array of exact host names such as ["chat-proxy.example.com"] (no scheme, port, path or wildcard).';
  if (!Array.isArray(value)) throw invalidConfig('allowedScriptHosts', fix);
  return Object.freeze(
    value.map((entry: unknown) => {
      const host = typeof entry === 'string' ? entry.trim().toLowerCase() : '';
      if (!HOST_NAME.test(host)) throw invalidConfig('allowedScriptHosts', fix);
      return host;
    }),
  );
}

/** Validates `scriptUrl` against the host rules above; returns the normalised URL. */
export function checkScriptUrl(
  value: unknown,
  region: GenesysRegionInfo,
  allowedHosts: readonly string[],
): string {
  let url: URL;
  try {
    // No base URL: relative and protocol-relative URLs fail here.
    url = new URL(String(value));
  } catch {
    throw invalidConfig('scriptUrl', 'must be an absolute URL.');
  }
  const local = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw invalidConfig(
      'scriptUrl',
      'must use https (plain http is only allowed on localhost, 127.0.0.1 and [::1]).',
    );
  }
  if (url.username || url.password) {
    throw invalidConfig('scriptUrl', 'must not carry credentials.');
  }
  const host = url.hostname;
  if (local || host === `apps.${region.domain}` || allowedHosts.includes(host)) return url.href;
  const other = GENESYS_REGIONS.find((r) => host === `apps.${r.domain}`);
  if (other) {
    throw invalidConfig(
      'scriptUrl',
      `is the Messenger host of environment "${other.environment}", not of "${region.environment}": ` +
        "set environment/region to the deployment's region, or drop scriptUrl.",
    );
  }
  throw invalidConfig(
    'scriptUrl',
    `points at a host that is neither apps.${region.domain} nor loopback. If it is a proxy you run, ` +
      'list its exact host name in allowedScriptHosts in your code config; otherwise drop scriptUrl.',
  );
}
