// The region table, for the schematic: it runs in Node at `ng add` time, where the library's ESM
// build cannot be required. A test keeps it equal to src/lib/regions/regions.ts.
export const REGIONS: readonly { region: string; environment: string; domain: string }[] = [
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
];
