import { GenesysChatError } from './genesys-chat-error';

/** `INVALID_CONFIG` for one config key, naming the key and what is wrong with it. */
export function invalidConfig(key: string, problem: string): GenesysChatError {
  return new GenesysChatError('INVALID_CONFIG', `provideGenesysChat(): "${key}" ${problem}`, {
    key,
  });
}
