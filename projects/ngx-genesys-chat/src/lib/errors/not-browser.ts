import { GenesysChatError } from './genesys-chat-error';

// Kept apart from errors.ts: the service needs only this one on its eager path, the rest load with the engine.
export function notBrowser(): GenesysChatError {
  return new GenesysChatError(
    'NOT_BROWSER',
    'Genesys Messenger only runs in a browser. On the server nothing is loaded; ' +
      'start chats from browser-only code (a click handler, afterNextRender).',
  );
}
