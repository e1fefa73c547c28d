import { CSP_NONCE } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { resetGenesysPage } from '../../test-helpers/fake-genesys';
import { resolveGenesysChatConfig } from '../config/resolve-config';
import { GenesysChatError } from '../errors/genesys-chat-error';
import type { GenesysWindow } from './genesys-global';
import { GenesysScriptLoader } from './genesys-script-loader';

const win = window as GenesysWindow & { trustedTypes?: unknown };
const deploymentId = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
const config = resolveGenesysChatConfig({ deploymentId, region: 'eu-central-1', debug: true });

function scripts(): HTMLScriptElement[] {
  return Array.from(document.head.querySelectorAll('script'));
}

describe('GenesysScriptLoader', () => {
  beforeEach(() => resetGenesysPage());
  afterEach(() => delete win.trustedTypes);

  it('installs the snippet stub exactly as the deployment snippet does', () => {
    const before = Date.now();
    TestBed.inject(GenesysScriptLoader).installStub(config);
    expect(win._genesysJs).toBe('Genesys');
    expect(typeof win.Genesys).toBe('function');
    expect(win.Genesys!.c).toEqual({ environment: 'prod-euc1', deploymentId, debug: true });
    expect(win.Genesys!.t).toBeGreaterThanOrEqual(before);
    win.Genesys!(
      'command',
      'Messenger.open',
      {},
      () => undefined,
      () => undefined,
    );
    expect(win.Genesys!.q).toHaveLength(1);
    expect(Object.prototype.toString.call(win.Genesys!.q![0])).toBe('[object Arguments]');
  });

  it('injects one async utf-8 script from the regional apps host, with the CSP nonce as an attribute', () => {
    TestBed.configureTestingModule({ providers: [{ provide: CSP_NONCE, useValue: 'n0nce' }] });
    const loader = TestBed.inject(GenesysScriptLoader);
    loader.installStub(config);
    void loader.loadScript(config);
    void loader.loadScript(config);
    expect(scripts()).toHaveLength(1);
    const [script] = scripts();
    expect(script.src).toBe('https://apps.mypurecloud.de/genesys-bootstrap/genesys.min.js');
    expect(script.async).toBe(true);
    expect(script.charset).toBe('utf-8');
    expect(script.getAttribute('nonce')).toBe('n0nce');
  });

  it('creates the script URL through the ngx-genesys-chat Trusted Types policy, which refuses other URLs', () => {
    const loader = TestBed.inject(GenesysScriptLoader); // compiled first: Angular's JIT has Trusted Types needs of its own
    const policies: { name: string; createScriptURL(url: string): string }[] = [];
    win.trustedTypes = {
      createPolicy: (name: string, rules: { createScriptURL(url: string): string }) => {
        policies.push({ name, ...rules });
        return { createScriptURL: (url: string) => rules.createScriptURL(url) };
      },
    };
    loader.installStub(config);
    void loader.loadScript(config);
    expect(policies.map((p) => p.name)).toEqual(['ngx-genesys-chat']);
    expect(() => policies[0].createScriptURL('https://evil.example.com/x.js')).toThrow(TypeError);
    expect(scripts()[0].src).toBe(config.scriptUrl);
  });

  it('rejects with TRUSTED_TYPES_BLOCKED, naming the policy, when the CSP does not allow it', async () => {
    const loader = TestBed.inject(GenesysScriptLoader);
    let attempts = 0;
    win.trustedTypes = {
      createPolicy: (name: string) => {
        attempts++;
        // What Chrome throws when the trusted-types directive does not list the name.
        throw new TypeError(`Failed to execute 'createPolicy': Policy "${name}" disallowed.`);
      },
    };
    loader.installStub(config);
    const error: GenesysChatError = await loader.loadScript(config).catch((e) => e);
    expect(error).toBeInstanceOf(GenesysChatError);
    expect(error.code).toBe('TRUSTED_TYPES_BLOCKED');
    expect(error.key).toBe('ngx-genesys-chat');
    expect(error.message).toContain('trusted-types ngx-genesys-chat');
    expect(scripts()).toHaveLength(0);
    // A failed load is retried, and asks for the policy again (the page may have been fixed).
    await loader.loadScript(config).catch(() => undefined);
    expect(attempts).toBe(2);
  });

  it('reports SCRIPT_LOAD_FAILED and injects a fresh script on retry', async () => {
    const loader = TestBed.inject(GenesysScriptLoader);
    loader.installStub(config);
    const first = loader.loadScript(config);
    scripts()[0].dispatchEvent(new Event('error'));
    const error: GenesysChatError = await first.catch((e) => e);
    expect(error.code).toBe('SCRIPT_LOAD_FAILED');
    expect(error.message).toContain(config.scriptUrl);

    const retry = loader.loadScript(config);
    expect(scripts()).toHaveLength(1);
    scripts()[0].dispatchEvent(new Event('load'));
    await expect(retry).resolves.toBeUndefined();
  });

  it('joins a pending script, but replaces it on retry: a request that hangs may never end', () => {
    const loader = TestBed.inject(GenesysScriptLoader);
    loader.installStub(config);
    const first = loader.loadScript(config);
    expect(loader.loadScript(config)).toBe(first);
    const hung = scripts()[0];
    void loader.loadScript(config, true);
    expect(scripts()).toHaveLength(1);
    expect(scripts()[0]).not.toBe(hung);
    expect(hung.isConnected).toBe(false);
  });

  it('refuses a second deployment on the same page', () => {
    const loader = TestBed.inject(GenesysScriptLoader);
    loader.installStub(config);
    const other = resolveGenesysChatConfig({
      deploymentId: '00000000-0000-4000-8000-000000000000',
      region: 'eu-central-1',
    });
    expect(() => loader.installStub(other)).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG', key: 'deploymentId' }),
    );
  });

  it('keeps a hand-written snippet that is already on the page and injects nothing more', async () => {
    const tag = document.createElement('script');
    tag.src = config.scriptUrl;
    document.head.appendChild(tag);
    const loader = TestBed.inject(GenesysScriptLoader);
    loader.installStub(config);
    await expect(loader.loadScript(config)).resolves.toBeUndefined();
    expect(scripts()).toHaveLength(1);
  });

  it('drops both listeners once the script settles, so a later event on the element changes nothing', async () => {
    const loader = TestBed.inject(GenesysScriptLoader);
    const done = loader.loadScript(config, false);
    const [script] = scripts();
    script.dispatchEvent(new Event('load'));
    await done;
    // A leftover error listener would mark the load failed (and keep this loader alive).
    script.dispatchEvent(new Event('error'));
    await loader.loadScript(config, false);
    expect(scripts()).toHaveLength(1);
  });
});
