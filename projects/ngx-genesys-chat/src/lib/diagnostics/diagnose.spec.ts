import { resolveGenesysChatConfig } from '../config/resolve-config';
import { invalidConfig } from '../errors/errors';
import { diagnose } from './diagnose';

const config = resolveGenesysChatConfig({
  deploymentId: '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f',
  region: 'eu-west-1',
});
const SCRIPT = 'https://apps.mypurecloud.ie/genesys-bootstrap/genesys.min.js';
const CONFIG =
  'https://api-cdn.mypurecloud.ie/webdeployments/v1/deployments/3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f/config.json';

type Answer = number | 'network' | { status: string };
/** The part of a fetch Response that diagnose reads (jsdom has no Response class). */
const response = (status: number, body: unknown = {}) => ({
  ok: status >= 200 && status < 300,
  status,
  json: async () => body,
});
/** A fetch that answers per URL: a status, a JSON body, or a network error (and, with no-cors, an opaque success). */
function fakeFetch(answers: Record<string, Answer>, opaqueWorks = true): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    const answer = answers[url] ?? 200;
    if (answer === 'network') {
      if (init?.mode === 'no-cors' && opaqueWorks) return response(200);
      throw new TypeError('Failed to fetch');
    }
    if (typeof answer === 'number') return response(answer);
    return response(200, answer);
  }) as unknown as typeof fetch;
}

const run = (
  answers: Record<string, Answer>,
  extra: Partial<Parameters<typeof diagnose>[0]> = {},
  opaqueWorks = true,
) =>
  diagnose({
    config,
    scriptState: 'failed',
    cspViolations: [],
    ready: false,
    fetch: fakeFetch(answers, opaqueWorks),
    ...extra,
  });
const codes = async (p: ReturnType<typeof run>) => (await p).findings.map((f) => f.code);

describe('diagnose', () => {
  it('finds nothing wrong when everything answers and the script loaded', async () => {
    const d = await run({ [CONFIG]: { status: 'Active' } }, { scriptState: 'loaded', ready: true });
    expect(d).toEqual({
      ok: true,
      findings: [],
      checked: ['config', 'csp', 'script host', 'deployment config'],
    });
  });

  it('reads the deployment config from the regional api-cdn host', async () => {
    const seen: string[] = [];
    const fetcher = (async (url: string) => (
      seen.push(url),
      response(200, { status: 'Active' })
    )) as unknown as typeof fetch;
    await diagnose({
      config,
      scriptState: 'loaded',
      cspViolations: [],
      ready: true,
      fetch: fetcher,
    });
    expect(seen).toEqual([SCRIPT, CONFIG]);
  });

  it.each([
    [{ [SCRIPT]: 404 }, 'SCRIPT_NOT_FOUND'],
    [{ [CONFIG]: 404 }, 'DEPLOYMENT_NOT_FOUND'],
    [{ [CONFIG]: { status: 'Inactive' } }, 'DEPLOYMENT_INACTIVE'],
    [{ [CONFIG]: 403 }, 'ORIGIN_NOT_ALLOWED'],
  ] as [Record<string, Answer>, string][])('reports %j as %s', async (answers, code) => {
    expect(
      await codes(run({ [CONFIG]: { status: 'Active' }, ...answers }, { scriptState: 'loaded' })),
    ).toContain(code);
  });

  it('says when the deployment config cannot be read and Messenger is not ready, and not when it is', async () => {
    expect(await codes(run({ [CONFIG]: 'network' }, { scriptState: 'loaded' }))).toEqual([
      'DEPLOYMENT_CONFIG_UNREADABLE',
    ]);
    expect(
      await codes(run({ [CONFIG]: 'network' }, { scriptState: 'loaded', ready: true })),
    ).toEqual([]);
  });

  it('tells an unreachable host from an ad blocker', async () => {
    expect(await codes(run({ [SCRIPT]: 'network', [CONFIG]: 'network' }, {}, false))).toEqual([
      'SCRIPT_HOST_UNREACHABLE',
    ]);
    expect(await codes(run({ [CONFIG]: { status: 'Active' } }))).toEqual(['AD_BLOCKER_SUSPECTED']);
  });

  it('names a CSP block of a Genesys host, with the directive to fix, and then does not blame an ad blocker', async () => {
    const d = await run(
      { [CONFIG]: { status: 'Active' } },
      {
        cspViolations: [
          { directive: 'script-src-elem', blockedUri: SCRIPT },
          { directive: 'img-src', blockedUri: 'https://cdn.example.com/x.png' },
        ],
      },
    );
    expect(d.findings.map((f) => f.code)).toEqual(['CSP_BLOCKED']);
    expect(d.findings[0].fix).toContain('https://apps.mypurecloud.ie in script-src');
  });

  it('reports a Trusted Types policy the CSP does not allow, with the directive to fix, and does not blame an ad blocker', async () => {
    // Chrome reports a refused createPolicy as a trusted-types violation on "trusted-types-policy".
    const d = await run(
      { [CONFIG]: { status: 'Active' } },
      { cspViolations: [{ directive: 'trusted-types', blockedUri: 'trusted-types-policy' }] },
    );
    expect(d.findings.map((f) => f.code)).toEqual(['TRUSTED_TYPES_BLOCKED']);
    expect(d.findings[0].fix).toContain('trusted-types ngx-genesys-chat');
  });

  it('leaves out a refused policy that the violation names as another one', async () => {
    const d = await run(
      { [CONFIG]: { status: 'Active' } },
      {
        scriptState: 'loaded',
        cspViolations: [
          { directive: 'trusted-types', blockedUri: 'trusted-types-policy', sample: 'other-lib' },
        ],
      },
    );
    expect(d.findings.map((f) => f.code)).toEqual([]);
  });

  it('reports an invalid config and stops there', async () => {
    const d = await diagnose({
      config: invalidConfig('deploymentId', 'is wrong'),
      scriptState: 'none',
      cspViolations: [],
      ready: false,
      fetch: fakeFetch({}),
    });
    expect(d.ok).toBe(false);
    expect(d.findings.map((f) => f.code)).toEqual(['CONFIG_INVALID']);
  });
});
