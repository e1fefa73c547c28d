import { InjectionToken } from '@angular/core';
import type { ResolvedGenesysChatConfig } from '../config/genesys-chat-config';

/**
 * How Messenger gets onto the page: the snippet's stub, then the bootstrap script. The default
 * injects the real script; `provideGenesysChatTesting()` (from `ngx-genesys-chat/testing`)
 * provides an in-memory fake through {@link GENESYS_LOADER}.
 */
export interface GenesysLoader {
  /** Installs the snippet's stub; `Genesys(...)` calls made afterwards queue until the script runs. */
  installStub(config: ResolvedGenesysChatConfig): void;
  /** Loads the bootstrap; rejects with `SCRIPT_LOAD_FAILED`. `retry` replaces a load still pending. */
  loadScript(config: ResolvedGenesysChatConfig, retry?: boolean): Promise<void>;
}

/** Replaces the script loader, for tests. Unset in apps: the engine then injects the real one. */
export const GENESYS_LOADER = new InjectionToken<GenesysLoader>('GENESYS_LOADER');
