// The Content-Security-Policy sources a region needs: one data function that ng add prints and the
// README's CSP block is tested against (test/schematics/ng-add-csp.test.mjs), so they cannot differ.
import { TRUSTED_TYPES_POLICY_NAME } from '../../src/lib/messenger/trusted-types-policy-name.js';
import type { RegionRow } from './region-table.cjs';

/** A CSP directive and the sources to add to it. */
export interface CspDirective {
  name: string;
  sources: string[];
}

/**
 * The sources Messenger needs for a region's domain (reference §2, §6: the bootstrap script on
 * `apps.`, the deployment config on `api-cdn.`, the REST API on `api.`, the Web Messaging socket on
 * `webmessaging.`), plus the Trusted Types policies of the library and of Angular. `domain` is a
 * row's domain, or the placeholder `<domain>` that the README shows.
 */
export function cspDirectives(domain: string): CspDirective[] {
  const d = domain;
  return [
    { name: 'script-src', sources: [`https://apps.${d}`] },
    {
      name: 'connect-src',
      sources: [`https://api-cdn.${d}`, `https://api.${d}`, `wss://webmessaging.${d}`],
    },
    { name: 'img-src', sources: [`https://api-cdn.${d}`] },
    { name: 'require-trusted-types-for', sources: ["'script'"] },
    { name: 'trusted-types', sources: [TRUSTED_TYPES_POLICY_NAME, 'angular'] },
  ];
}

/** The directives as policy lines, `name sources;`, ready to merge into a site's policy. */
export function cspLines(domain: string): string {
  return cspDirectives(domain)
    .map((d) => `${d.name} ${d.sources.join(' ')};`)
    .join('\n');
}

/** What ng add prints: the lines, with what they do and do not pin. */
export function cspPrintout(row: RegionRow): string {
  return [
    `Content-Security-Policy for ${row.region} (${row.environment}), if your site sends one. Add these sources:`,
    '',
    cspLines(row.domain),
    '',
    "Only a host list pins the script host: a 'nonce-…' source lets any script that carries the",
    "nonce run, whatever its host. ngx-genesys-chat itself loads only this region's apps host",
    '(or loopback, or a host your code lists in allowedScriptHosts).',
    'Whether Messenger needs frame-src, font-src or further hosts is UNCONFIRMED: roll the policy',
    'out as Content-Security-Policy-Report-Only first and add what it reports.',
    "Also add this site to the deployment's allowed domains in Genesys Cloud.",
  ].join('\n');
}
