// Sending and receiving share a module: attributes ride out with a text, count as sent on its echo.
import type { Frame } from './guest-connection';
import type { MessengerUi } from './messenger-ui';

export interface TextMessagesDeps {
  connect(): Promise<unknown>;
  request(message: Record<string, unknown>, expect: string): Promise<Frame>;
  setActive(active: boolean): void;
  /** The Database plugin's custom attributes that the next text must carry (database-plugin.ts). */
  attributes: {
    pendingAttributes(): Record<string, string> | null;
    attributesSent(): void;
  };
  publish(event: string, data?: unknown): void;
  ui(): MessengerUi | null;
  /** Whether the conversation lifecycle took the frame (conversation-lifecycle.ts). */
  lifecycleFrame(frame: Frame): boolean;
}

export function createTextMessages(deps: TextMessagesDeps) {
  const { publish, ui } = deps;

  async function sendText(text: string): Promise<unknown> {
    await deps.connect();
    deps.setActive(true);
    const message: Record<string, unknown> = { type: 'Text', text };
    const sending = deps.attributes.pendingAttributes();
    if (sending && Object.keys(sending).length > 0)
      message['channel'] = { metadata: { customAttributes: sending } };
    publish('MessagingService.sendingMessage', { text });
    try {
      const frame = await deps.request(message, 'StructuredMessage');
      // Like Genesys' own clients: attributes count as sent once the server echoed the message.
      if (sending) deps.attributes.attributesSent();
      return frame.body;
    } catch (error) {
      const err = error as { code?: number; body?: unknown };
      publish('MessagingService.error', { error: { code: err.code, body: err.body } });
      ui()?.note(`Not sent (${err.code ?? 'error'})`);
      throw error;
    }
  }

  function onFrame(frame: Frame, waited: boolean): void {
    if (deps.lifecycleFrame(frame)) return;
    if (frame.class === 'StructuredMessage' && frame.type === 'message') {
      const body = frame.body as { text?: string; direction?: string; type?: string };
      publish('MessagingService.messagesReceived', {
        messages: [{ ...(frame.body as object), tracingId: frame.tracingId }],
      });
      if (body.type === 'Text' && typeof body.text === 'string')
        ui()?.add(body.direction === 'Outbound' ? 'Outbound' : 'Inbound', body.text);
    } else if (
      !waited &&
      (frame.class === 'string' || frame.class === 'TooManyRequestsErrorMessage')
    ) {
      publish('MessagingService.error', { error: { code: frame.code, body: frame.body } });
    }
  }

  return { sendText, onFrame };
}
