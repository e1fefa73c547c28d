/*
 * The bootstrap stand-in's Database plugin (reference §2–§3): `Database.set` / `.update` / `.get`
 * / `.remove` and their events. Custom attributes stay in page memory and are "pending" until the
 * server echoes the next inbound message that carried them, as in Genesys' own clients (MT).
 */
import { clone, deepMerge, readPath, removePath } from './database-helpers';

export interface DatabaseFaults {
  databaseSetRejected?: boolean;
  databaseSetNoAnswer?: boolean;
}

export interface DatabaseDeps {
  publish(event: string, data?: unknown): void;
  faults(): Promise<DatabaseFaults>;
}

type Payload = Record<string, unknown>;

export function createDatabasePlugin({ publish, faults }: DatabaseDeps) {
  const database: { messaging: { customAttributes: Record<string, string> } } & Payload = {
    messaging: { customAttributes: {} },
  };
  let attributesPending = false;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  async function write(payload: Payload, mode: 'set' | 'update'): Promise<unknown> {
    await ready;
    const f = await faults();
    if (f.databaseSetNoAnswer) return new Promise(() => undefined);
    if (f.databaseSetRejected) throw `Database.${mode} rejected (emulator fault)`;
    const messaging = payload['messaging'] as
      { customAttributes?: Record<string, string> } | undefined;
    if (messaging?.customAttributes && typeof messaging.customAttributes === 'object') {
      database.messaging.customAttributes = {
        ...database.messaging.customAttributes,
        ...messaging.customAttributes,
      };
      attributesPending = true;
    }
    for (const [key, value] of Object.entries(payload)) {
      if (key !== 'messaging')
        database[key] = mode === 'update' ? deepMerge(database[key], value) : value;
    }
    publish('Database.updated', clone(database));
    return clone(database);
  }

  const commands: Record<string, (p: Payload) => Promise<unknown>> = {
    'Database.set': (p) => write(p, 'set'),
    'Database.update': (p) => write(p, 'update'),
    'Database.get': async (p) => {
      await ready;
      return typeof p['name'] === 'string' ? readPath(database, p['name']) : clone(database);
    },
    'Database.remove': async (p) => {
      await ready;
      if (p['name'] === 'messaging.customAttributes') database.messaging.customAttributes = {};
      else if (typeof p['name'] === 'string') removePath(database, p['name']);
      attributesPending = false;
      publish('Database.removed', clone(database));
      return clone(database);
    },
  };

  return {
    commands,
    /** The Database is usable: commands waiting for it run, `Database.ready` is published. */
    markReady(): void {
      resolveReady();
      publish('Database.ready');
    },
    /** The attributes the next inbound message must carry, or null when none are pending. */
    pendingAttributes(): Record<string, string> | null {
      return attributesPending ? { ...database.messaging.customAttributes } : null;
    },
    /** The server echoed the message that carried them. */
    attributesSent(): void {
      attributesPending = false;
    },
  };
}
