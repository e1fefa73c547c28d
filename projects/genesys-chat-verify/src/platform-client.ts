import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClientClass } from 'purecloud-platform-client-v2';
import { type Endpoint, expectedUrls } from './target';
import { VerifyError } from './verify-error';

type PlatformModule = typeof import('purecloud-platform-client-v2');

/**
 * The Platform API client (purecloud-platform-client-v2 262) reads `$HOME/.genesyscloudjavascript/config`
 * (`%USERPROFILE%` on Windows) in the constructor of every ApiClient, including the one the
 * module itself creates when it is first required, and then watches it. A `[gateway]` or
 * `[general] host` there redirects the credentials; `[logging]` can write the Authorization
 * header to the console or a file. The SDK has no option to skip that first read
 * (`setConfigPath('')` and `live_reload_config = false` only stop later ones), so the client is
 * loaded and constructed while HOME/USERPROFILE point at a fresh private empty directory: the
 * path it computes holds no file. Then the reloads are switched off, and the URLs the client
 * will really use are checked against the endpoint before anything is sent.
 */
export function createPlatformClient(endpoint: Endpoint): {
  platform: PlatformModule;
  client: ApiClientClass;
} {
  const empty = mkdtempSync(join(tmpdir(), 'genesys-chat-verify-'));
  const saved = { HOME: process.env['HOME'], USERPROFILE: process.env['USERPROFILE'] };
  let platform: PlatformModule;
  let client: ApiClientClass;
  try {
    process.env['HOME'] = empty;
    process.env['USERPROFILE'] = empty;
    const firstLoad = !isLoaded();
    // Required here, not imported at the top: loading the module constructs its default client,
    // which reads the settings file, so the load must happen inside this window.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    platform = require('purecloud-platform-client-v2') as PlatformModule;
    client = new platform.ApiClientClass();
    // The module's own default client is switched off too, but only if this call created it:
    // an application that loaded the SDK itself keeps its settings.
    for (const c of firstLoad ? [client, platform.ApiClient] : [client]) stopReading(c);
  } finally {
    restore('HOME', saved.HOME);
    restore('USERPROFILE', saved.USERPROFILE);
    rmSync(empty, { recursive: true, force: true });
  }
  configure(client, endpoint);
  return { platform, client };
}

function isLoaded(): boolean {
  try {
    return require.cache[require.resolve('purecloud-platform-client-v2')] !== undefined;
  } catch {
    return false;
  }
}

function stopReading(client: ApiClientClass): void {
  client.config.live_reload_config = false;
  client.config.setConfigPath('');
}

function restore(name: 'HOME' | 'USERPROFILE', value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

function configure(client: ApiClientClass, endpoint: Endpoint): void {
  if (endpoint.kind === 'region') {
    client.setEnvironment(endpoint.domain);
  } else {
    client.setGateway({
      protocol: endpoint.protocol,
      host: endpoint.host,
      port: endpoint.port,
      path_params_login: endpoint.path,
      path_params_api: endpoint.path,
    });
  }
  // Real HTTP statuses on failure (not whatever "status" a response body claims).
  client.setReturnExtendedResponses(true);
  // The post-condition that matters: whatever the SDK read or defaulted, it sends exactly here.
  const want = expectedUrls(endpoint);
  const login = client.config.getConfUrl('login', `https://login.${client.config.environment}`);
  const api = client.config.getConfUrl('api', client.config.basePath);
  if (client.config.config !== undefined || login !== want.login || api !== want.api) {
    throw new VerifyError(
      'usage',
      'The Platform API client is configured for another host than the one given (a settings file?); nothing was sent.',
    );
  }
}
