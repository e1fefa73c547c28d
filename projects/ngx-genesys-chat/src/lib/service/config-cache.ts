import type { GenesysChatConfig, ResolvedGenesysChatConfig } from '../config/genesys-chat-config';
import { resolveGenesysChatConfig } from '../config/resolve-config';
import type { GenesysChatError } from '../errors/genesys-chat-error';

/**
 * The engine's config, resolved once. A bad config is cached as its error, so every call
 * rejects with the same typed error and `diagnose()` can report it as CONFIG_INVALID.
 */
export class ConfigCache {
  private value: ResolvedGenesysChatConfig | GenesysChatError | undefined;

  constructor(private readonly raw: GenesysChatConfig | null) {}

  /** The resolved config; throws the config's `GenesysChatError` if it is invalid. */
  get(): ResolvedGenesysChatConfig {
    if (this.value === undefined) {
      try {
        this.value = resolveGenesysChatConfig(this.raw);
      } catch (error) {
        this.value = error as GenesysChatError;
      }
    }
    if (this.value instanceof Error) throw this.value;
    return this.value;
  }

  /** The resolved config, or null when it is invalid (for paths that must not throw). */
  orNull(): ResolvedGenesysChatConfig | null {
    try {
      return this.get();
    } catch {
      return null; // reported by every call, and by diagnose() as CONFIG_INVALID
    }
  }

  /** The config or the error it failed with, as `diagnose()` reports it. */
  result(): ResolvedGenesysChatConfig | GenesysChatError {
    this.orNull();
    return this.value as ResolvedGenesysChatConfig | GenesysChatError;
  }
}
