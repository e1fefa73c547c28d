// Genesys-shaped HTTP errors for the token endpoints: `{message, code, status}`, the shape the
// emulator's other Platform API stand-ins use (platform-api.ts `notFound`). The exact `code` strings
// Genesys returns on these endpoints are UNCONFIRMED (reference §4a lists no error bodies). Messages
// name the field at fault and how to fix it; they never contain a token, code, secret or claim value.
import type { AuthHttpResult, GenesysErrorBody } from './types';

type ErrorStatus = 400 | 401 | 403 | 404 | 502;

const CODES: Record<ErrorStatus, string> = {
  400: 'bad.request',
  401: 'authentication.required',
  403: 'forbidden',
  404: 'not.found',
  502: 'bad.gateway',
};

export function httpError(status: ErrorStatus, message: string): AuthHttpResult {
  const body: GenesysErrorBody = { message, code: CODES[status], status };
  return { status, body };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field of at most `max` characters, or undefined. */
export function stringField(
  record: Record<string, unknown>,
  key: string,
  max = 4096,
): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
}

export function header(
  headers: Readonly<Record<string, string | readonly string[] | undefined>> | undefined,
  name: string,
): string | undefined {
  const value = headers?.[name] ?? headers?.[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}
