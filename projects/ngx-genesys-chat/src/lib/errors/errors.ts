import { GenesysChatError } from './genesys-chat-error';

// One factory per failure keeps the wording (and the fix it suggests) in one place.

// In its own leaf file: the eager code (service, auth provider) needs it, and a factory here
// that the eager code imported would bring this whole file into every app's initial chunk.
export { invalidConfig } from './invalid-config';

export function scriptLoadFailed(url: string): GenesysChatError {
  return new GenesysChatError(
    'SCRIPT_LOAD_FAILED',
    `The Messenger script ${url} did not load. Check the network tab for a 404 or a blocked request, ` +
      'that an ad blocker or privacy extension is not removing it, that your Content-Security-Policy allows ' +
      'the host in script-src, and that "environment"/"region" (or "scriptUrl") is right.',
  );
}

/** `READY_TIMEOUT`, naming the ready events still missing. */
export function readyTimeout(ms: number, waitingFor: readonly string[]): GenesysChatError {
  return new GenesysChatError(
    'READY_TIMEOUT',
    `Genesys Messenger was not ready after ${ms} ms (still waiting for ${waitingFor.join(', ') || 'the script'}). ` +
      'Check: an ad blocker or firewall blocking *.mypurecloud.com / *.pure.cloud; an "environment" or "region" ' +
      "that does not match the deployment's region; the page origin missing from the deployment's allowed " +
      'domains (Admin > Message > Messenger Deployments); an inactive deployment. Raise readyTimeoutMs on slow networks.',
  );
}

export function invalidCustomerId(problem: string): GenesysChatError {
  return new GenesysChatError(
    'INVALID_CUSTOMER_ID',
    `The CRM customer id ${problem}. Pass the customer's CRM id as a non-empty string of at most 256 ` +
      'characters without control, invisible or bidirectional-override characters, or an object ' +
      '{ id, tier?, attributes? }.',
  );
}

export function invalidAttributes(key: string, problem: string): GenesysChatError {
  return new GenesysChatError('INVALID_ATTRIBUTES', `Custom attribute "${key}" ${problem}.`, {
    key,
  });
}

export function attributesTooLarge(bytes: number, limit: number): GenesysChatError {
  return new GenesysChatError(
    'ATTRIBUTES_TOO_LARGE',
    `The custom attributes take ${bytes} UTF-8 bytes (keys plus values); Genesys accepts at most ${limit}. ` +
      'Send an id and look the rest up in your CRM from the Architect flow or agent script.',
  );
}

export function piiRejected(key: string, what: string): GenesysChatError {
  return new GenesysChatError(
    'PII_REJECTED',
    `Custom attribute "${key}" ${what}, which looks like personal data, so nothing was sent. ` +
      'Send an opaque CRM id instead, or set allowPii: true if your deployment is cleared to receive it.',
    { key },
  );
}

/** `COMMAND_REJECTED` for a Genesys command whose onReject ran. */
export function commandRejected(command: string, reason: unknown): GenesysChatError {
  // Database.* reasons may echo the payload back, so their text is kept out of the message.
  const said = typeof reason === 'string' && !command.startsWith('Database.') ? `: ${reason}` : '';
  return new GenesysChatError(
    'COMMAND_REJECTED',
    `Genesys rejected ${command}${said}. See error.reason. Messenger.open rejects in headless mode; ` +
      'MessagingService commands reject when the deployment has no messaging or the session is read-only.',
    { command, reason },
  );
}

/** `COMMAND_TIMEOUT` for a Genesys command that did not answer in time. */
export function commandTimeout(command: string, ms: number): GenesysChatError {
  return new GenesysChatError(
    'COMMAND_TIMEOUT',
    `Genesys did not answer ${command} within ${ms} ms. Messenger may have been cleared or failed after loading; ` +
      'reload the page, or raise commandTimeoutMs.',
    { command },
  );
}

/** `MESSENGER_ERROR` for an error event Messenger published. */
export function messengerError(source: string, reason: unknown): GenesysChatError {
  return new GenesysChatError(
    'MESSENGER_ERROR',
    `Genesys Messenger reported an error (${source}). See error.reason for what Genesys sent.`,
    { command: source, reason },
  );
}

export function superseded(call: string, by: string): GenesysChatError {
  return new GenesysChatError(
    'SUPERSEDED',
    `${call} was superseded by a later ${by} before Messenger opened, so nothing was opened for it. ` +
      'Only the latest identity counts: start the chat again if it is still wanted.',
  );
}

export function trustedTypesBlocked(policy: string): GenesysChatError {
  return new GenesysChatError(
    'TRUSTED_TYPES_BLOCKED',
    `The page's Content-Security-Policy does not allow the Trusted Types policy "${policy}", so the ` +
      `Messenger script cannot be loaded. Add it to the trusted-types directive, for example ` +
      `"trusted-types ${policy} angular;" (keep the policies your app already lists).`,
    { key: policy },
  );
}
