#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { formatResult } from './format';
import { Redactor, escapeControl } from './sanitize';
import { type VerifyTarget, resolveTarget } from './target';
import { VerifyError, verifyConversation } from './verify';

const USAGE = `usage: genesys-chat-verify --conversation <id> --expect key=value [--expect key=value ...]
                           (--region <aws-region> | --base-url <url> [--dangerously-allow-host <host>])

Reads GET /api/v2/conversations/{id} with the client credentials in GENESYS_CLIENT_ID and
GENESYS_CLIENT_SECRET and checks the customer participant's custom attributes.

  --conversation <id>   the conversation to read
  --expect key=value    an attribute the customer participant must carry (repeat for more)
  --region <region>     the Genesys Cloud region (AWS name, e.g. eu-west-1); the host comes from
                        the region table and is always https://login.<domain> / https://api.<domain>
  --base-url <url>      https://api.<region domain> (e.g. https://api.mypurecloud.ie), or a loopback
                        URL for the local emulator: http:// or https:// on 127.0.0.0/8, localhost or
                        [::1]. A path on a loopback URL is kept. Nothing else is accepted.
  --dangerously-allow-host <host>
                        DANGEROUS: lets --base-url (https only) name this host although it is not
                        Genesys Cloud, e.g. your own API gateway. The client secret is sent to it.
                        Never use it with a host or URL someone else gave you.
  -h, --help            this text

Exit codes: 0 all match, 1 mismatch, 2 error (usage, auth, not found, network).
The Platform API client's settings file (~/.genesyscloudjavascript/config) is never read.`;

type Print = (text: string) => void;

export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: Print = console.log,
  err: Print = console.error,
): Promise<number> {
  const clientSecret = env['GENESYS_CLIENT_SECRET'];
  const clientId = env['GENESYS_CLIENT_ID'];
  // A last line of defence for everything printed; the token is redacted where it is known.
  const redactor = new Redactor().add(clientSecret);
  if (clientId && clientSecret)
    redactor.add(Buffer.from(`${clientId}:${clientSecret}`).toString('base64'));
  const fail = (message: string, withUsage = false) => {
    err(redactor.apply(`genesys-chat-verify: ${message}${withUsage ? `\n${USAGE}` : ''}`));
    return 2;
  };

  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        conversation: { type: 'string' },
        expect: { type: 'string', multiple: true },
        region: { type: 'string' },
        'base-url': { type: 'string' },
        'dangerously-allow-host': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return fail(`${escapeControl(error instanceof Error ? error.message : String(error))}`, true);
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }

  const expect: Record<string, string> = Object.create(null);
  for (const pair of values.expect ?? []) {
    const eq = pair.indexOf('=');
    // The value is not echoed: it may be a customer's data.
    if (eq < 1)
      return fail(
        '--expect takes key=value with a non-empty key (one --expect has no "=" or an empty key).',
      );
    expect[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const { conversation, region } = values;
  const baseUrl = values['base-url'];
  const allowHost = values['dangerously-allow-host'];
  const problems = [
    !conversation && '--conversation is required',
    Object.keys(expect).length === 0 && 'at least one --expect is required',
    !region === !baseUrl && 'give exactly one of --region and --base-url',
    allowHost !== undefined &&
      region !== undefined &&
      '--dangerously-allow-host works only with --base-url',
    (!clientId || !clientSecret) && 'set GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET',
  ].filter(Boolean);
  if (problems.length) return fail(`${problems.join('; ')}.`, true);

  const target: VerifyTarget = region
    ? { region }
    : { baseUrl: baseUrl!, dangerouslyAllowHost: allowHost };
  try {
    // Checked before anything else so a refused host is a usage error and nothing is sent.
    const endpoint = resolveTarget(target);
    if (endpoint.kind === 'gateway' && endpoint.dangerous) {
      err(
        `genesys-chat-verify: warning: sending the client credentials to ${escapeControl(endpoint.host)}, which is not a Genesys Cloud host (--dangerously-allow-host).`,
      );
    }
    const result = await verifyConversation({
      conversationId: conversation!,
      expect,
      target,
      clientId: clientId!,
      clientSecret: clientSecret!,
    });
    out(redactor.apply(formatResult(result)));
    return result.ok ? 0 : 1;
  } catch (error) {
    return fail(error instanceof VerifyError ? error.message : 'Unexpected failure.');
  }
}

if (require.main === module) {
  // Until main settles the answer is "could not verify": if the event loop drains first (the HTTP
  // client lost a connection without settling its promise, seen through a proxy that hangs up),
  // the exit code must be 2, never the default 0 that reads as "all match".
  let settled = false;
  process.exitCode = 2;
  process.on('exit', () => {
    if (!settled)
      console.error(
        'genesys-chat-verify: the connection closed without an answer; nothing was verified.',
      );
  });
  main(process.argv.slice(2), process.env).then((code) => {
    settled = true;
    process.exitCode = code;
  });
}
