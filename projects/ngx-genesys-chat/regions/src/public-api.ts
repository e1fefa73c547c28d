/*
 * Public API of ngx-genesys-chat/regions: the region table. An entry point of its own so that an
 * app that does not import it gets the table only with the lazily loaded engine, not in its
 * initial chunk (docs/performance.md, "How the chunking was solved").
 */
export {
  GENESYS_REGIONS,
  type GenesysEnvironment,
  type GenesysRegion,
  type GenesysRegionInfo,
  findGenesysRegion as ɵfindGenesysRegion,
  messengerScriptUrl as ɵmessengerScriptUrl,
} from './regions';
