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
      allowedScriptHosts: [],
      piiAllowedKeys: [],
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

  it('points an unknown region to a table the user can import', async () => {
    const error = failure({ deploymentId, region: 'mars-north-1' });
    expect(error.message).toContain('GENESYS_REGIONS (ngx-genesys-chat/regions)');
    const regions = await import('ngx-genesys-chat/regions');
    expect(regions.GENESYS_REGIONS.map((r) => r.region)).toContain('eu-west-1');
  });

  it('rejects a missing config', () => {
    expect(failure(undefined).code).toBe('INVALID_CONFIG');
  });

  it('allows plain http only for the local emulator on loopback', () => {
    for (const url of [
      'http://localhost:8787/genesys-bootstrap/genesys.min.js',
      'http://127.0.0.1:8787/g.js',
      'http://[::1]:8787/g.js',
    ]) {
      expect(
        resolveGenesysChatConfig({ deploymentId, region: 'eu-west-1', scriptUrl: url }).scriptUrl,
      ).toBe(url);
    }
  });
});

describe('script host pinning', () => {
  const base = { deploymentId, region: 'eu-west-1' } as const;

  it.each([
    'https://chat-proxy.example.com/g.js',
    'https://apps.mypurecloud.ie.evil.test/genesys-bootstrap/genesys.min.js',
    'https://evil.test/apps.mypurecloud.ie/genesys-bootstrap/genesys.min.js',
    'https://apps.mypurec1oud.ie/genesys-bootstrap/genesys.min.js',
    'https://mypurecloud.ie/genesys-bootstrap/genesys.min.js',
    'https://api.mypurecloud.ie/genesys-bootstrap/genesys.min.js',
    'https://localhost.evil.test/g.js',
    'https://127.0.0.1.nip.io/g.js',
  ])('refuses %s: neither a region host, loopback, nor allow-listed', (scriptUrl) => {
    const error = failure({ ...base, scriptUrl });
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.key).toBe('scriptUrl');
    expect(error.message).toContain('allowedScriptHosts');
  });

  it('refuses the apps host of another region than the configured one, and says which to use', () => {
    const error = failure({
      ...base,
      scriptUrl: 'https://apps.mypurecloud.de/genesys-bootstrap/genesys.min.js',
    });
    expect(error.key).toBe('scriptUrl');
    expect(error.message).toContain('prod-euc1');
  });

  it('accepts the configured region apps host, case-insensitively', () => {
    expect(
      resolveGenesysChatConfig({
        ...base,
        scriptUrl: 'https://APPS.mypurecloud.ie/genesys-bootstrap/genesys.min.js',
      }).scriptUrl,
    ).toBe('https://apps.mypurecloud.ie/genesys-bootstrap/genesys.min.js');
  });

  it('loads a custom host only when the code config allow-lists it, and still over https only', () => {
    const proxy = 'https://chat-proxy.example.com/g.js';
    const resolved = resolveGenesysChatConfig({
      ...base,
      scriptUrl: proxy,
      allowedScriptHosts: ['Chat-Proxy.example.com'],
    });
    expect(resolved.scriptUrl).toBe(proxy);
    expect(resolved.allowedScriptHosts).toEqual(['chat-proxy.example.com']);
    // The allow-list names exact hosts: neither a subdomain nor a suffix match.
    for (const url of [
      'https://cdn.chat-proxy.example.com/g.js',
      'https://chat-proxy.example.com.evil.test/g.js',
      'http://chat-proxy.example.com/g.js',
      'https://x:y@chat-proxy.example.com/g.js',
    ]) {
      expect(
        failure({ ...base, scriptUrl: url, allowedScriptHosts: ['chat-proxy.example.com'] }).key,
      ).toBe('scriptUrl');
    }
  });

  it.each([
    ['a string', 'chat-proxy.example.com'],
    ['an entry with a scheme', ['https://chat-proxy.example.com']],
    ['an entry with a path', ['chat-proxy.example.com/g.js']],
    ['a wildcard', ['*.example.com']],
    ['userinfo', ['user@chat-proxy.example.com']],
    ['an empty entry', ['']],
    ['a non-string', [42]],
  ])('rejects allowedScriptHosts given as %s', (_what, allowedScriptHosts) => {
    const error = failure({ ...base, allowedScriptHosts });
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.key).toBe('allowedScriptHosts');
  });

  it.each([
    'javascript:alert(1)',
    'data:text/javascript,alert(1)',
    'blob:https://apps.mypurecloud.ie/1234',
    'file:///etc/passwd',
    '//apps.mypurecloud.ie/genesys-bootstrap/genesys.min.js',
    'https://apps.mypurecloud.ie@evil.test/g.js',
    'https://user:pw@apps.mypurecloud.ie/genesys-bootstrap/genesys.min.js',
  ])('keeps refusing %s, allow-list or not', (scriptUrl) => {
    expect(
      failure({ ...base, scriptUrl, allowedScriptHosts: ['evil.test', 'apps.mypurecloud.ie'] }).key,
    ).toBe('scriptUrl');
  });
});

describe('config limits (issue 9 item 5)', () => {
  const base = { deploymentId, region: 'eu-west-1' } as const;

  it.each(['readyTimeoutMs', 'commandTimeoutMs'])(
    'accepts %s up to the browser timer limit and refuses one more millisecond',
    (key) => {
      expect(resolveGenesysChatConfig({ ...base, [key]: 2_147_483_647 })).toHaveProperty(
        key,
        2_147_483_647,
      );
      const error = failure({ ...base, [key]: 2_147_483_648 });
      expect(error.code).toBe('INVALID_CONFIG');
      expect(error.key).toBe(key);
      expect(error.message).toContain('2,147,483,647');
    },
  );

  it('refuses the same key for the CRM id and the tier', () => {
    const error = failure({ ...base, crmAttributeKey: 'customer', tierAttributeKey: 'customer' });
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.key).toBe('tierAttributeKey');
    expect(failure({ ...base, tierAttributeKey: 'crmCustomerId' }).key).toBe('tierAttributeKey');
  });

  it.each([
    ['crmAttributeKey', '__proto__'],
    ['crmAttributeKey', 'constructor'],
    ['tierAttributeKey', 'prototype'],
    ['crmAttributeKey', 'email'],
    ['crmAttributeKey', 'customerEmail'],
    ['tierAttributeKey', 'phone_number'],
    ['crmAttributeKey', 'firstName'],
  ])('refuses %s %s (reserved or named like personal data)', (key, value) => {
    const error = failure({ ...base, [key]: value });
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.key).toBe(key);
  });

  it('accepts a personal-data key name when the PII guard is turned off', () => {
    expect(
      resolveGenesysChatConfig({ ...base, crmAttributeKey: 'email', allowPii: true })
        .crmAttributeKey,
    ).toBe('email');
  });
});

describe('piiAllowedKeys', () => {
  const base = { deploymentId, region: 'eu-west-1' } as const;

  it('keeps the listed keys', () => {
    expect(
      resolveGenesysChatConfig({ ...base, piiAllowedKeys: ['orderNumber', 'ticket_ref'] })
        .piiAllowedKeys,
    ).toEqual(['orderNumber', 'ticket_ref']);
  });

  it.each([
    ['a string', 'orderNumber'],
    ['a key that is not identifier-like', ['order number']],
    ['a reserved name', ['__proto__']],
    ['a non-string', [1]],
  ])('rejects piiAllowedKeys given as %s', (_what, piiAllowedKeys) => {
    const error = failure({ ...base, piiAllowedKeys });
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.key).toBe('piiAllowedKeys');
  });
});
