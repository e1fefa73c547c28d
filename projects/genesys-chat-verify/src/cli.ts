#!/usr/bin/env node
import { type VerifyTarget, VerifyError, formatResult, verifyConversation } from './verify';

const USAGE = `usage: genesys-chat-verify --conversation <id> --expect key=value [--expect key=value ...]
                           (--region <aws-region> | --base-url <url>)

Reads GET /api/v2/conversations/{id} with client credentials from GENESYS_CLIENT_ID and
GENESYS_CLIENT_SECRET and checks the customer participant's custom attributes.
Exit codes: 0 all match, 1 mismatch, 2 error (usage, auth, not found, network).`;

export async function main(argv: string[], env: NodeJS.ProcessEnv, out = console.log, err = console.error): Promise<number> {
  let conversationId: string | undefined;
  let region: string | undefined;
  let baseUrl: string | undefined;
  const expect: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--help' || arg === '-h') {
      out(USAGE);
      return 0;
    }
    if (value === undefined || value.startsWith('--')) {
      err(`${arg} needs a value.\n${USAGE}`);
      return 2;
    }
    i++;
    if (arg === '--conversation') conversationId = value;
    else if (arg === '--region') region = value;
    else if (arg === '--base-url') baseUrl = value;
    else if (arg === '--expect') {
      const eq = value.indexOf('=');
      if (eq < 1) {
        err(`--expect takes key=value, got "${value}".`);
        return 2;
      }
      expect[value.slice(0, eq)] = value.slice(eq + 1);
    } else {
      err(`Unknown option ${arg}.\n${USAGE}`);
      return 2;
    }
  }
  const clientId = env['GENESYS_CLIENT_ID'];
  const clientSecret = env['GENESYS_CLIENT_SECRET'];
  const problems = [
    !conversationId && '--conversation is required',
    Object.keys(expect).length === 0 && 'at least one --expect is required',
    !region === !baseUrl && 'give exactly one of --region and --base-url',
    (!clientId || !clientSecret) && 'set GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET',
  ].filter(Boolean);
  if (problems.length) {
    err(`${problems.join('; ')}.\n${USAGE}`);
    return 2;
  }
  const target: VerifyTarget = region ? { region } : { baseUrl: baseUrl! };
  try {
    const result = await verifyConversation({ conversationId: conversationId!, expect, target, clientId: clientId!, clientSecret: clientSecret! });
    out(formatResult(result));
    return result.ok ? 0 : 1;
  } catch (error) {
    const message = error instanceof VerifyError ? error.message : 'Unexpected failure.';
    err(`genesys-chat-verify: ${message.split(clientSecret!).join('***')}`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then((code) => (process.exitCode = code));
}
