import { findRegion, findRegionByApiHost, regionNames } from './regions';
import { escapeControl } from './sanitize';
import { VerifyError } from './verify-error';

/**
 * Where to find the Platform API: a Genesys region (`eu-west-1`), or a base URL, which must be
 * `https://api.<region domain>` or a loopback URL (the local emulator). Any other host must be
 * named in `dangerouslyAllowHost`, because the client secret is sent to it.
 */
export type VerifyTarget = { region: string } | { baseUrl: string; dangerouslyAllowHost?: string };

/** Where the credentials and the API requests will go, once the rules have been checked. */
export type Endpoint =
  | { readonly kind: 'region'; readonly region: string; readonly domain: string }
  | {
      readonly kind: 'gateway';
      readonly protocol: 'http' | 'https';
      /** As the URL parser normalised it (lower case, `[::1]`, dotted IPv4). */
      readonly host: string;
      /** -1 for the protocol's default. */
      readonly port: number;
      /** The --base-url path without trailing slashes ('' for none); kept for login and API requests. */
      readonly path: string;
      /** True when the host is not loopback: it was allowed only by --dangerously-allow-host. */
      readonly dangerous: boolean;
    };

export const HOST_RULE =
  '--base-url must be https://api.<region domain> (for example https://api.mypurecloud.ie) or a loopback URL ' +
  'for the emulator (http:// or https:// on 127.0.0.0/8, localhost or [::1]). To send the credentials to any ' +
  'other host, name it with --dangerously-allow-host <host> (dangerous: the client secret goes to that host).';

const usage = (message: string) => new VerifyError('usage', message);

/** 127.0.0.0/8, localhost and [::1], as the WHATWG URL parser normalises them (0x7f.1 is 127.0.0.1). */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** Checks the host rules; throws a usage VerifyError that states the rule, before anything is sent. */
export function resolveTarget(target: VerifyTarget): Endpoint {
  if ('region' in target) {
    const row = findRegion(target.region);
    if (!row)
      throw usage(
        `Unknown region "${escapeControl(target.region)}". Valid regions: ${regionNames()}.`,
      );
    return { kind: 'region', region: row.region, domain: row.domain };
  }
  const allowed =
    target.dangerouslyAllowHost === undefined
      ? undefined
      : allowedHost(target.dangerouslyAllowHost);
  let url: URL;
  try {
    url = new URL(target.baseUrl);
  } catch {
    throw usage(`--base-url is not a URL. ${HOST_RULE}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw usage(`--base-url must use https://. ${HOST_RULE}`);
  // The credentials come from the environment only; userinfo is also the classic look-alike
  // (https://api.mypurecloud.com@evil.test goes to evil.test). Never echo it.
  if (url.username || url.password)
    throw usage(
      `--base-url must not contain a user name or password (the part before "@"). ${HOST_RULE}`,
    );
  if (/[?#]/.test(target.baseUrl))
    throw usage('--base-url must not have a query or a fragment (the part after "?" or "#").');
  const host = url.hostname;
  const shown = escapeControl(host);
  const loopback = isLoopback(host);
  if (url.protocol === 'http:' && !loopback)
    throw usage(
      `--base-url may use http:// only for a loopback emulator (127.0.0.0/8, localhost, [::1]); use https:// for ${shown}. ${HOST_RULE}`,
    );

  const region = findRegionByApiHost(host);
  if (region && !loopback) {
    if (url.port)
      throw usage(
        `--base-url for ${shown} takes no port: Genesys Cloud is on port 443. ${HOST_RULE}`,
      );
    const path = url.pathname.replace(/\/+$/, '');
    if (path)
      throw usage(
        `--base-url for ${shown} takes no path (got "${escapeControl(path)}"): the API is at the root.`,
      );
    return { kind: 'region', region: region.region, domain: region.domain };
  }
  if (!loopback && host !== allowed)
    throw usage(`--base-url host "${shown}" is not a Genesys Cloud API host. ${HOST_RULE}`);
  return {
    kind: 'gateway',
    protocol: url.protocol === 'http:' ? 'http' : 'https',
    host,
    port: url.port ? Number(url.port) : -1,
    path: url.pathname.replace(/\/+$/, ''),
    dangerous: !loopback,
  };
}

/** --dangerously-allow-host takes a bare DNS name or IPv4 address: no scheme, port, path or userinfo. */
function allowedHost(value: string): string {
  const bare =
    /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
  if (!bare.test(value))
    throw usage(
      `--dangerously-allow-host takes a bare host name such as gateway.example.com (no scheme, port, path or "@"), got "${escapeControl(value)}".`,
    );
  return new URL(`https://${value}`).hostname;
}

/** The URLs the Platform API client must end up with for this endpoint (checked before sending). */
export function expectedUrls(endpoint: Endpoint): { login: string; api: string } {
  if (endpoint.kind === 'region')
    return { login: `https://login.${endpoint.domain}`, api: `https://api.${endpoint.domain}` };
  const base = `${endpoint.protocol}://${endpoint.host}${endpoint.port > -1 ? `:${endpoint.port}` : ''}${endpoint.path}`;
  return { login: base, api: base };
}
