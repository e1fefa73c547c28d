import { GenesysChatError } from '../errors/genesys-chat-error';
import type { GenesysChatConfig } from './genesys-chat-config';
import { resolveGenesysChatConfig } from './resolve-config';

const deploymentId = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';

function failure(config: unknown): GenesysChatError {
  try {
    resolveGenesysChatConfig(config as GenesysChatConfig);
  } catch (error) {
    return error as GenesysChatError;
  }
  throw new Error('expected INVALID_CONFIG');
}

describe('resolveGenesysChatConfig', () => {
  it('fills in the documented defaults and the regional script URL', () => {
    expect(resolveGenesysChatConfig({ deploymentId, region: 'eu-west-1' })).toEqual({
      deploymentId,
      environment: 'prod-euw1',
      scriptUrl: 'https://apps.mypurecloud.ie/genesys-bootstrap/genesys.min.js',
      readyTimeoutMs: 15000,
      commandTimeoutMs: 10000,
      load: 'idle',
      mode: 'messenger',
      debug: false,
      allowPii: false,
      crmAttributeKey: 'crmCustomerId',
      tierAttributeKey: 'customerTier',
    });
  });

  it('accepts an environment name instead of a region', () => {
    const resolved = resolveGenesysChatConfig({ deploymentId, environment: 'prod' });
    expect(resolved.scriptUrl).toBe(
      'https://apps.mypurecloud.com/genesys-bootstrap/genesys.min.js',
    );
  });

  it.each([
    [{ region: 'eu-west-1' }, 'deploymentId'],
    [{ deploymentId: 'not-a-uuid', region: 'eu-west-1' }, 'deploymentId'],
    [{ deploymentId }, 'environment'],
    [{ deploymentId, region: 'eu-west-1', environment: 'prod-euw1' }, 'environment'],
    [{ deploymentId, environment: 'euw1' }, 'environment'],
    [{ deploymentId, region: 'mars-north-1' }, 'region'],
    [{ deploymentId, region: 'eu-west-1', readyTimeoutMs: 0 }, 'readyTimeoutMs'],
    [{ deploymentId, region: 'eu-west-1', readyTimeoutMs: Number.NaN }, 'readyTimeoutMs'],
    [{ deploymentId, region: 'eu-west-1', load: 'lazy' }, 'load'],
    [{ deploymentId, region: 'eu-west-1', mode: 'ui' }, 'mode'],
    [{ deploymentId, region: 'eu-west-1', allowPii: 'yes' }, 'allowPii'],
    [{ deploymentId, region: 'eu-west-1', crmAttributeKey: 'crm id' }, 'crmAttributeKey'],
    [
      { deploymentId, region: 'eu-west-1', scriptUrl: 'http://cdn.example.com/genesys.min.js' },
      'scriptUrl',
    ],
    [{ deploymentId, region: 'eu-west-1', scriptUrl: 'javascript:alert(1)' }, 'scriptUrl'],
    [{ deploymentId, region: 'eu-west-1', scriptUrl: '/relative.js' }, 'scriptUrl'],
    [
      { deploymentId, region: 'eu-west-1', scriptUrl: 'https://user:pw@proxy.example.com/g.js' },
      'scriptUrl',
    ],
  ])('rejects %j with INVALID_CONFIG naming %s', (config, key) => {
    const error = failure(config);
    expect(error).toBeInstanceOf(GenesysChatError);
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.key).toBe(key);
    expect(error.message).toContain(key);
  });

  it('rejects a missing config', () => {
    expect(failure(undefined).code).toBe('INVALID_CONFIG');
  });

  it('allows plain http only for the local emulator on loopback', () => {
    for (const url of [
      'http://localhost:8787/genesys-bootstrap/genesys.min.js',
      'http://127.0.0.1:8787/g.js',
    ]) {
      expect(
        resolveGenesysChatConfig({ deploymentId, region: 'eu-west-1', scriptUrl: url }).scriptUrl,
      ).toBe(url);
    }
    expect(
      resolveGenesysChatConfig({
        deploymentId,
        region: 'eu-west-1',
        scriptUrl: 'https://chat-proxy.example.com/g.js',
      }).scriptUrl,
    ).toBe('https://chat-proxy.example.com/g.js');
  });
});
