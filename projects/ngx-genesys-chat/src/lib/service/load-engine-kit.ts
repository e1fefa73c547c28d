/** The helpers in `engine-kit.ts`, as the lazily loaded chunk gives them. */
export type EngineKit = typeof import('./engine-kit');

/**
 * Imports the engine kit (see `engine-kit.ts`): the helpers a driver needs at run time, kept out
 * of the initial chunk. The module loader evaluates the chunk once; later calls share it.
 */
export function loadEngineKit(): Promise<EngineKit> {
  return import('./engine-kit');
}
