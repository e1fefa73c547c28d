import { SchematicsException } from '@angular-devkit/schematics';
import { findRow, REGION_ROWS, type RegionRow } from './region-table.cjs';

/** ng add's options (schema.json). */
export interface NgAddOptions {
  project?: string;
  deploymentId?: string;
  region?: string;
  environment?: string;
  replace?: boolean;
}

/** The config ng add writes, as data and as the object literal it inserts. */
export interface WantedConfig {
  deploymentId: string;
  key: 'region' | 'environment';
  row: RegionRow;
  /** `{ deploymentId: '…', region: 'eu-west-1' }` */
  text: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks the options; the values end up in source code, so only a UUID and table names pass. */
export function wantedConfig(options: NgAddOptions): WantedConfig {
  const deploymentId = (options.deploymentId ?? '').trim();
  if (!UUID.test(deploymentId)) {
    throw new SchematicsException(
      'ngx-genesys-chat: --deployment-id must be the Messenger deployment UUID (Admin > Message > Messenger Deployments).',
    );
  }
  if (options.region !== undefined && options.environment !== undefined) {
    throw new SchematicsException(
      'ngx-genesys-chat: give exactly one of --region (such as eu-west-1) and --environment (such as prod-euw1).',
    );
  }
  const key = options.environment !== undefined ? 'environment' : 'region';
  const name = options.environment ?? options.region ?? '';
  const row = key === 'environment' ? findRow({ environment: name }) : findRow({ region: name });
  if (!row) {
    const allowed = REGION_ROWS.map((r) => r[key]).join(', ');
    throw new SchematicsException(
      `ngx-genesys-chat: give exactly one of --region (such as eu-west-1) and --environment (such as prod-euw1); ` +
        `--${key} must be one of the allowed values: ${allowed}.`,
    );
  }
  return {
    deploymentId,
    key,
    row,
    text: `{ deploymentId: '${deploymentId}', ${key}: '${row[key]}' }`,
  };
}
