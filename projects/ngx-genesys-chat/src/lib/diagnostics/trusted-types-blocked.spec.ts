import { TestBed } from '@angular/core/testing';
import { resetGenesysPage } from '../../test-helpers/fake-genesys';
import { provideGenesysChat } from '../config/provide-genesys-chat';
import { GenesysChatError } from '../errors/genesys-chat-error';
import { GenesysChatService } from '../service/genesys-chat.service';

type TrustedTypesWindow = Omit<Window, 'fetch'> & { trustedTypes?: unknown; fetch?: unknown };
const win = window as unknown as TrustedTypesWindow;

/**
 * A page whose CSP says `trusted-types angular` (no ngx-genesys-chat): the browser throws from
 * createPolicy and reports a `trusted-types` violation. jsdom has no CSP, so both are faked here
 * exactly as Chrome does them; e2e/trusted-types.e2e.test.mjs checks the same in Chromium.
 */
function blockOurPolicy(): void {
  win.trustedTypes = {
    createPolicy: (name: string) => {
      const violation = Object.assign(new Event('securitypolicyviolation'), {
        violatedDirective: 'trusted-types',
        effectiveDirective: 'trusted-types',
        blockedURI: 'trusted-types-policy',
        sample: name,
      });
      document.dispatchEvent(violation);
      throw new TypeError(`Failed to execute 'createPolicy': Policy "${name}" disallowed.`);
    },
  };
}

describe('a CSP that does not allow the ngx-genesys-chat Trusted Types policy', () => {
  let service: GenesysChatService;
  const realFetch = win.fetch;

  beforeEach(() => {
    resetGenesysPage();
    TestBed.configureTestingModule({
      providers: [
        provideGenesysChat({
          deploymentId: '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f',
          region: 'eu-west-1',
          load: 'manual',
          readyTimeoutMs: 60_000,
        }),
      ],
    });
    service = TestBed.inject(GenesysChatService);
  });
  afterEach(() => {
    TestBed.resetTestingModule();
    delete win.trustedTypes;
    win.fetch = realFetch;
  });

  it('makes load() reject with TRUSTED_TYPES_BLOCKED naming the policy', async () => {
    blockOurPolicy();
    const error = (await service.load().catch((e: unknown) => e)) as GenesysChatError;
    expect(error).toBeInstanceOf(GenesysChatError);
    expect(error.code).toBe('TRUSTED_TYPES_BLOCKED');
    expect(error.message).toContain('ngx-genesys-chat');
  });

  it('makes startChat() reject with TRUSTED_TYPES_BLOCKED, and sends nothing', async () => {
    blockOurPolicy();
    const error = (await service.startChat('CRM-1').catch((e: unknown) => e)) as GenesysChatError;
    expect(error.code).toBe('TRUSTED_TYPES_BLOCKED');
    expect(document.head.querySelectorAll('script')).toHaveLength(0);
  });

  it('is reported by diagnose() with the directive to fix', async () => {
    blockOurPolicy();
    // The script host and the deployment config answer: only the policy is wrong.
    win.fetch = async () => ({ ok: true, status: 200, json: async () => ({ status: 'Active' }) });
    await service.load().catch(() => undefined);
    const diagnosis = await service.diagnose();
    expect(diagnosis.ok).toBe(false);
    expect(diagnosis.findings.map((f) => f.code)).toEqual(['TRUSTED_TYPES_BLOCKED']);
    expect(diagnosis.findings[0].fix).toContain('trusted-types ngx-genesys-chat');
  });
});
