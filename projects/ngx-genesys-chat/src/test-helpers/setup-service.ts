import type { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { GenesysChatConfig } from '../lib/config/genesys-chat-config';
import { provideGenesysChat } from '../lib/config/provide-genesys-chat';
import { GenesysChatService } from '../lib/service/genesys-chat.service';
import { FakeGenesys } from './fake-genesys';

/** The deployment the service specs use unless they need another spelling of it. */
export const TEST_DEPLOYMENT_ID = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';

/**
 * The service specs' TestBed: one eu-west-1 deployment loaded only on demand, the real service,
 * and the in-memory Genesys that drives the page's `<script>`.
 */
export function setupService(
  extra: Partial<GenesysChatConfig> = {},
  providers: (Provider | EnvironmentProviders)[] = [],
): { service: GenesysChatService; fake: FakeGenesys } {
  TestBed.configureTestingModule({
    providers: [
      provideGenesysChat({
        deploymentId: TEST_DEPLOYMENT_ID,
        region: 'eu-west-1',
        load: 'manual',
        ...extra,
      } as GenesysChatConfig),
      ...providers,
    ],
  });
  return { service: TestBed.inject(GenesysChatService), fake: new FakeGenesys() };
}
