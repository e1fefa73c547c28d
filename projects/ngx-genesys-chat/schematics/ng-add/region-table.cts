// The schematic's view of the library's one region table, regions/src/regions.ts. The build
// (schematics/build.mjs) bundles that file into index.cjs and fills schema.json's region lists from
// it, so ng add cannot drift from the library: there is no second copy to keep equal.
import { GENESYS_REGIONS } from '../../regions/src/regions.js';

/** One row of the library's table: AWS region, Messenger environment, public domain. */
export type RegionRow = (typeof GENESYS_REGIONS)[number];

export const REGION_ROWS: readonly RegionRow[] = GENESYS_REGIONS;

/** The row for a region or environment name; Array.find, so `__proto__` is just not found. */
export function findRow(by: { region: string } | { environment: string }): RegionRow | undefined {
  return 'region' in by
    ? REGION_ROWS.find((r) => r.region === by.region)
    : REGION_ROWS.find((r) => r.environment === by.environment);
}

/** What schema.json offers: the enums the CLI validates, and the region prompt's items. */
export function schemaChoices(): {
  regions: string[];
  environments: string[];
  items: { value: string; label: string }[];
} {
  return {
    regions: REGION_ROWS.map((r) => r.region),
    environments: REGION_ROWS.map((r) => r.environment),
    items: REGION_ROWS.map((r) => ({
      value: r.region,
      label: `${r.region} (${r.environment}, ${r.domain})`,
    })),
  };
}
