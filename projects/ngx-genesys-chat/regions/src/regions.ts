/**
 * The 17 stable Genesys Cloud regions: AWS region, the `environment` name the Messenger snippet takes,
 * and the public domain behind `apps.`, `api.`, `api-cdn.` and `webmessaging.`.
 * Source: genesys-cloud-service-discovery-web 3.0.500 and the Platform SDK's region hosts;
 * a unit test compares this table with the package so drift is caught.
 */
export const GENESYS_REGIONS = [
  { region: 'us-east-1', environment: 'prod', domain: 'mypurecloud.com' },
  { region: 'us-east-2', environment: 'fedramp-use2-core', domain: 'use2.us-gov-pure.cloud' },
  { region: 'us-west-2', environment: 'prod-usw2', domain: 'usw2.pure.cloud' },
  { region: 'ca-central-1', environment: 'prod-cac1', domain: 'cac1.pure.cloud' },
  { region: 'sa-east-1', environment: 'prod-sae1', domain: 'sae1.pure.cloud' },
  { region: 'mx-central-1', environment: 'prod-mxc1', domain: 'mxc1.pure.cloud' },
  { region: 'eu-west-1', environment: 'prod-euw1', domain: 'mypurecloud.ie' },
  { region: 'eu-west-2', environment: 'prod-euw2', domain: 'euw2.pure.cloud' },
  { region: 'eu-central-1', environment: 'prod-euc1', domain: 'mypurecloud.de' },
  { region: 'eu-central-2', environment: 'prod-euc2', domain: 'euc2.pure.cloud' },
  { region: 'me-central-1', environment: 'prod-mec1', domain: 'mec1.pure.cloud' },
  { region: 'ap-south-1', environment: 'prod-aps1', domain: 'aps1.pure.cloud' },
  { region: 'ap-northeast-1', environment: 'prod-apne1', domain: 'mypurecloud.jp' },
  { region: 'ap-northeast-2', environment: 'prod-apne2', domain: 'apne2.pure.cloud' },
  { region: 'ap-northeast-3', environment: 'prod-apne3', domain: 'apne3.pure.cloud' },
  { region: 'ap-southeast-1', environment: 'prod-apse1', domain: 'apse1.pure.cloud' },
  { region: 'ap-southeast-2', environment: 'prod-apse2', domain: 'mypurecloud.com.au' },
] as const;

/** One row of the region table: AWS region, Messenger environment, public domain. */
export type GenesysRegionInfo = (typeof GENESYS_REGIONS)[number];
/** An AWS region name that hosts Genesys Cloud, such as `eu-west-1`. */
export type GenesysRegion = GenesysRegionInfo['region'];
/** A canonical Messenger `environment` name, such as `prod-euw1`. */
export type GenesysEnvironment = GenesysRegionInfo['environment'];

/** Finds a row by environment or by region; undefined when the name is not a stable Genesys region. */
export function findGenesysRegion(
  by: { environment: string } | { region: string },
): GenesysRegionInfo | undefined {
  return 'environment' in by
    ? GENESYS_REGIONS.find((r) => r.environment === by.environment)
    : GENESYS_REGIONS.find((r) => r.region === by.region);
}

/** The documented bootstrap URL for a region: `https://apps.<domain>/genesys-bootstrap/genesys.min.js`. */
export function messengerScriptUrl(info: GenesysRegionInfo): string {
  return `https://apps.${info.domain}/genesys-bootstrap/genesys.min.js`;
}
