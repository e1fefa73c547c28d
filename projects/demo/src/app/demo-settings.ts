import { InjectionToken } from '@angular/core';
import type { GenesysChatConfig } from 'ngx-genesys-chat';

/** The demo deployment in projects/genesys-emulator/emulator.config.json. */
export const DEMO_DEPLOYMENT_ID = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
export const DEFAULT_EMULATOR_URL = 'http://127.0.0.1:8787';

export interface DemoSettings {
  /** Where the local Genesys emulator runs. */
  readonly emulatorUrl: string;
  readonly chat: GenesysChatConfig;
}

/**
 * The demo reads a few settings from its query string so tests can point it at an emulator on any
 * port: `?emulator=http://127.0.0.1:9000&readyTimeoutMs=2000&load=manual&mode=headless&deployment=<id>`.
 */
export function demoSettings(search: string): DemoSettings {
  const q = new URLSearchParams(search);
  const emulatorUrl = q.get('emulator') ?? DEFAULT_EMULATOR_URL;
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

/** The emulator's base URL, for the "What Genesys received" panel. */
export const EMULATOR_URL = new InjectionToken<string>('EMULATOR_URL');
