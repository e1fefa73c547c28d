// One hub for page events, so a late subscriber still gets the `.ready` events it missed.
export type Callback = (value?: unknown) => void;
type Envelope = { event: string; data: unknown };

export function createPageEvents() {
  const subscribers = new Map<string, Callback[]>();
  const published = new Map<string, Envelope>();

  return {
    publish(event: string, data: unknown = {}): void {
      const envelope: Envelope = { event, data };
      if (event.endsWith('.ready')) published.set(event, envelope);
      for (const cb of subscribers.get(event) ?? []) {
        try {
          cb(envelope);
        } catch (error) {
          console.error('[genesys-emulator] subscriber failed', error);
        }
      }
    },
    subscribe(name: string, cb: Callback): void {
      subscribers.set(name, [...(subscribers.get(name) ?? []), cb]);
      const replay = published.get(name);
      if (replay) cb(replay);
    },
  };
}
