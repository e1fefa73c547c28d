import type { ResolvedGenesysChatConfig } from '../config/genesys-chat-config';
import type { GenesysChatError } from '../errors/genesys-chat-error';
import { ɵfindGenesysRegion as findGenesysRegion } from 'ngx-genesys-chat/regions';
import { TRUSTED_TYPES_POLICY_NAME } from '../messenger/trusted-types-policy-name';
import type { GenesysDiagnosis, GenesysDiagnosisFinding } from './genesys-diagnosis';

/** What the engine knows when asked to diagnose. */
export interface DiagnoseInput {
  readonly config: ResolvedGenesysChatConfig | GenesysChatError;
  /** How the last load ended: the script element's outcome. */
  readonly scriptState: 'loaded' | 'failed' | 'loading' | 'none';
  /**
   * Content-Security-Policy violations seen since the engine started: directive and blocked URL,
   * and the event's `sample` when recorded (for a refused Trusted Types policy, its name).
   */
  readonly cspViolations: readonly { directive: string; blockedUri: string; sample?: string }[];
  /** Whether Messenger became ready: an unreadable config then is no problem. */
  readonly ready: boolean;
  readonly fetch: typeof fetch;
}

/**
 * Explains why Messenger is not working: config, the script host, the deployment's config.json
 * (404: wrong deployment id or environment; Inactive: switched off; 403: this origin is not an
 * allowed domain), CSP blocks, and a probable ad blocker. Reads only public, unauthenticated URLs.
 */
export async function diagnose(input: DiagnoseInput): Promise<GenesysDiagnosis> {
  const findings: GenesysDiagnosisFinding[] = [];
  const checked: string[] = [];
  const config = input.config;
  checked.push('config');
  if (config instanceof Error) {
    findings.push({
      code: 'CONFIG_INVALID',
      message: config.message,
      fix: 'Fix the named key in provideGenesysChat().',
    });
    return { ok: false, findings, checked };
  }

  checked.push('csp');
  const hosts = genesysOrigins(config);
  const blocked = input.cspViolations.filter((v) => hosts.some((h) => v.blockedUri.startsWith(h)));
  for (const v of blocked) {
    findings.push({
      code: 'CSP_BLOCKED',
      message: `The page's Content-Security-Policy (${v.directive}) blocked ${v.blockedUri}.`,
      fix: `Allow ${new URL(v.blockedUri).origin} in ${v.directive.replace(/-elem$/, '')} (README: "Content-Security-Policy and Trusted Types").`,
    });
  }

  const policyBlocked = trustedTypesBlocked(input.cspViolations);
  if (policyBlocked) findings.push(policyBlocked);

  checked.push('script host');
  const script = await probe(input.fetch, config.scriptUrl);
  if (script.kind === 'network') {
    findings.push({
      code: 'SCRIPT_HOST_UNREACHABLE',
      message: `The Messenger script host ${new URL(config.scriptUrl).origin} cannot be reached from this browser.`,
      fix: 'Check the network, a firewall or proxy, and that an extension is not blocking *.mypurecloud.com / *.pure.cloud.',
    });
  } else if (script.kind === 'status' && script.status === 404) {
    findings.push({
      code: 'SCRIPT_NOT_FOUND',
      message: `${config.scriptUrl} answers 404.`,
      fix: 'Check "environment"/"region" (or scriptUrl): the script lives on the regional apps. host.',
    });
  } else if (input.scriptState === 'failed' && blocked.length === 0 && !policyBlocked) {
    findings.push({
      code: 'AD_BLOCKER_SUSPECTED',
      message:
        'The Messenger script failed to load in the page, although its host answers: an ad blocker or privacy extension probably removed it.',
      fix: 'Try with extensions off or in a private window; offer another contact channel when ready$ fails.',
    });
  }

  checked.push('deployment config');
  const configUrl = deploymentConfigUrl(config);
  const deployment = await probe(input.fetch, configUrl, true);
  if (deployment.kind === 'status' && deployment.status === 404) {
    findings.push({
      code: 'DEPLOYMENT_NOT_FOUND',
      message: `Genesys does not know deployment ${config.deploymentId} in ${config.environment}.`,
      fix: "Check the deployment id (Admin > Message > Messenger Deployments) and that environment/region is the org's.",
    });
  } else if (deployment.kind === 'status' && deployment.status === 403) {
    findings.push(originNotAllowed());
  } else if (
    deployment.kind === 'ok' &&
    (deployment.body as { status?: string } | null)?.status === 'Inactive'
  ) {
    findings.push({
      code: 'DEPLOYMENT_INACTIVE',
      message: `Deployment ${config.deploymentId} is switched off (status Inactive).`,
      fix: 'Activate the Messenger deployment in Genesys Cloud.',
    });
  } else if (
    (deployment.kind === 'network' || deployment.kind === 'opaque') &&
    script.kind !== 'network' &&
    !input.ready
  ) {
    findings.push({
      code: 'DEPLOYMENT_CONFIG_UNREADABLE',
      message: `The deployment config ${configUrl} could not be read from this page (network, CSP connect-src, or CORS).`,
      fix: 'Allow the api-cdn host in connect-src; if the page still cannot read it, check the deployment in Genesys Cloud.',
    });
  }
  return { ok: findings.length === 0, findings, checked };
}

/**
 * A refused `trustedTypes.createPolicy()` is reported as a `trusted-types` violation (blocked URI
 * `trusted-types-policy`, the policy's name as `sample`). Without a sample it may be another
 * library's policy; the fix names ours either way, and is harmless if ours was not the one.
 */
function trustedTypesBlocked(
  violations: DiagnoseInput['cspViolations'],
): GenesysDiagnosisFinding | null {
  const ours = violations.some(
    (v) =>
      v.directive === 'trusted-types' &&
      (v.sample === undefined || v.sample === TRUSTED_TYPES_POLICY_NAME),
  );
  if (!ours) return null;
  return {
    code: 'TRUSTED_TYPES_BLOCKED',
    message: `The page's Content-Security-Policy does not allow the Trusted Types policy "${TRUSTED_TYPES_POLICY_NAME}", so the Messenger script cannot be loaded.`,
    fix: `Add it to the trusted-types directive, for example "trusted-types ${TRUSTED_TYPES_POLICY_NAME} angular;" (keep the policies your app already lists).`,
  };
}

/**
 * UNCONFIRMED (reference §1, source S): how the web bundle enforces allowed domains. The local
 * emulator answers config.json with 403 for a foreign origin; Genesys itself may check
 * domains.json on the client instead. Kept here, in one place.
 */
function originNotAllowed(): GenesysDiagnosisFinding {
  return {
    code: 'ORIGIN_NOT_ALLOWED',
    message:
      "This page's origin is not in the deployment's allowed domains, so Messenger will not run here.",
    fix: "Add this site's domain to the Messenger deployment's allowed domains.",
  };
}

/** The deployment config URL (confirmed by Genesys' own transport SDK); beside the script when scriptUrl is overridden. */
function deploymentConfigUrl(config: ResolvedGenesysChatConfig): string {
  const info = findGenesysRegion({ environment: config.environment });
  const scriptOrigin = new URL(config.scriptUrl).origin;
  const base =
    info && scriptOrigin === `https://apps.${info.domain}`
      ? `https://api-cdn.${info.domain}`
      : scriptOrigin;
  return `${base}/webdeployments/v1/deployments/${encodeURIComponent(config.deploymentId)}/config.json`;
}

function genesysOrigins(config: ResolvedGenesysChatConfig): string[] {
  const info = findGenesysRegion({ environment: config.environment });
  const origins = [new URL(config.scriptUrl).origin];
  if (info)
    origins.push(
      `https://api-cdn.${info.domain}`,
      `https://api.${info.domain}`,
      `wss://webmessaging.${info.domain}`,
    );
  return origins;
}

type Probe =
  | { kind: 'ok'; body: unknown }
  | { kind: 'status'; status: number }
  | { kind: 'opaque' }
  | { kind: 'network' };

/** GET with CORS when the host allows it (to see the status), else an opaque request (to see that it answers). */
async function probe(fetcher: typeof fetch, url: string, json = false): Promise<Probe> {
  try {
    const response = await fetcher(url, { cache: 'no-store', credentials: 'omit' });
    if (!response.ok) return { kind: 'status', status: response.status };
    return { kind: 'ok', body: json ? await response.json().catch(() => null) : null };
  } catch {
    try {
      await fetcher(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
      // The host answers, but without CORS the status and body stay hidden.
      return json ? { kind: 'opaque' } : { kind: 'ok', body: null };
    } catch {
      return { kind: 'network' };
    }
  }
}
