import { getEnvironments } from 'genesys-cloud-service-discovery-web';
import { GENESYS_REGIONS, findGenesysRegion, messengerScriptUrl } from './regions';

describe('GENESYS_REGIONS', () => {
  it('matches genesys-cloud-service-discovery-web row for row (catches drift when Genesys adds or moves a region)', () => {
    const upstream = getEnvironments()
      .map((e) => ({ region: e.region, environment: e.name, domain: e.publicDomainName }))
      .sort((a, b) => a.environment.localeCompare(b.environment));
    const ours = GENESYS_REGIONS.map((r) => ({ ...r })).sort((a, b) =>
      a.environment.localeCompare(b.environment),
    );
    expect(ours).toEqual(upstream);
    expect(ours).toHaveLength(17);
  });

  it('resolves the same row by region and by environment', () => {
    expect(findGenesysRegion({ region: 'eu-west-1' })).toBe(
      findGenesysRegion({ environment: 'prod-euw1' }),
    );
    expect(findGenesysRegion({ environment: 'euw1' })).toBeUndefined();
    expect(findGenesysRegion({ region: 'eu-west-9' })).toBeUndefined();
  });

  it('builds the regional bootstrap URL', () => {
    expect(messengerScriptUrl(findGenesysRegion({ environment: 'prod-euc1' })!)).toBe(
      'https://apps.mypurecloud.de/genesys-bootstrap/genesys.min.js',
    );
    expect(messengerScriptUrl(findGenesysRegion({ region: 'us-east-1' })!)).toBe(
      'https://apps.mypurecloud.com/genesys-bootstrap/genesys.min.js',
    );
  });
});
