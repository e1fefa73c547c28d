import { InjectionToken, isDevMode } from '@angular/core';
import type { GenesysChatConfig } from 'ngx-genesys-chat';

/** The demo deployment in projects/genesys-emulator/emulator.config.json. */
export const DEMO_DEPLOYMENT_ID = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
export const DEFAULT_EMULATOR_URL = 'http://127.0.0.1:8787';

export interface DemoSettings {
  /** Where the local Genesys emulator runs. */
  readonly emulatorUrl: string;
  readonly chat: GenesysChatConfig;
}

/** Where the demo runs: decides whether `?emulator=` may be honoured at all. */
export interface DemoEnvironment {
  /** True in a development build (`isDevMode()`). */
  readonly devMode: boolean;
  /** The host the demo page itself is served from (`location.hostname`). */
  readonly pageHost: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The demo reads a few settings from its query string so tests can point it at an emulator on any
 * port: `?emulator=http://127.0.0.1:9000&readyTimeoutMs=2000&load=manual&mode=headless&deployment=<id>`.
 * The emulator URL chooses the script the page runs, so a link must never pick it: only a loopback
 * origin is taken, and only in a development build or when the demo itself is served from loopback
 * (the e2e and bench runs, which use the production build). Anything else falls back to the default.
 */
export function demoSettings(
  search: string,
  env: DemoEnvironment = {
    devMode: isDevMode(),
    pageHost: typeof location === 'undefined' ? '' : location.hostname,
  },
): DemoSettings {
  const q = new URLSearchParams(search);
  const emulatorUrl = emulatorFromQuery(q.get('emulator'), env) ?? DEFAULT_EMULATOR_URL;
  const timeout = Number(q.get('readyTimeoutMs'));
  const commandTimeout = Number(q.get('commandTimeoutMs'));
  return {
    emulatorUrl,
    chat: {
      deploymentId: q.get('deployment') ?? DEMO_DEPLOYMENT_ID,
      region: 'eu-west-1',
      scriptUrl: `${emulatorUrl}/genesys-bootstrap/genesys.min.js`,
      load: (q.get('load') as GenesysChatConfig['load']) ?? 'idle',
      mode: (q.get('mode') as GenesysChatConfig['mode']) ?? 'messenger',
      ...(timeout > 0 && { readyTimeoutMs: timeout }),
      ...(commandTimeout > 0 && { commandTimeoutMs: commandTimeout }),
    },
  };
}

/** The origin of a loopback http(s) URL without credentials, or null. Path and query are dropped. */
function emulatorFromQuery(value: string | null, env: DemoEnvironment): string | null {
  if (value === null || !(env.devMode || LOOPBACK.has(env.pageHost))) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const ok =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    LOOPBACK.has(url.hostname) &&
    !url.username &&
    !url.password;
  return ok ? url.origin : null;
}

/** The emulator's base URL, for the "What Genesys received" panel. */
export const EMULATOR_URL = new InjectionToken<string>('EMULATOR_URL');
