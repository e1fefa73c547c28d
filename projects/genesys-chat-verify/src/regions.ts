import { getEnvironments } from 'genesys-cloud-service-discovery-web';

/** One Genesys Cloud region: its AWS name and the public domain behind `api.` and `login.`. */
export interface ApiRegion {
  readonly region: string;
  readonly domain: string;
}

/**
 * The stable Genesys Cloud regions, from Genesys' own service-discovery package: the same source
 * as the library's table (projects/ngx-genesys-chat/regions/src/regions.ts, whose unit test
 * compares the two), and test/verify/region.test.mjs checks the verifier against that table.
 * Not the Platform SDK's PureCloudRegionHosts: that map is keyed by plain object properties
 * (`__proto__` resolved to Object.prototype) and lists regions the library does not.
 */
export const API_REGIONS: readonly ApiRegion[] = Object.freeze(
  getEnvironments().map((e) => Object.freeze({ region: e.region, domain: e.publicDomainName })),
);

export function findRegion(name: string): ApiRegion | undefined {
  return API_REGIONS.find((r) => r.region === name);
}

/** The region whose API host is exactly `hostname` (`api.<domain>`), if any. */
export function findRegionByApiHost(hostname: string): ApiRegion | undefined {
  return API_REGIONS.find((r) => `api.${r.domain}` === hostname);
}

export function regionNames(): string {
  return API_REGIONS.map((r) => r.region).join(', ');
}
