// The IdP's storage: in memory, on purpose (the emulator is a throw-away test double and every run
// starts clean). Given to oidc-provider explicitly so it does not fall back to its quick-start
// adapter and warn. One store per runtime, so two emulators in one process never share grants.

type Payload = Record<string, unknown> & { grantId?: string; userCode?: string; uid?: string };

interface Entry {
  payload: Payload;
  expiresAt: number | undefined;
}

export function createMemoryAdapter(): new (model: string) => object {
  const entries = new Map<string, Entry>();
  const grants = new Map<string, Set<string>>();

  function live(key: string): Payload | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  return class MemoryAdapter {
    constructor(private readonly model: string) {}

    private key(id: string): string {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      const key = this.key(id);
      entries.set(key, {
        payload,
        expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined,
      });
      if (payload.grantId) {
        const set = grants.get(payload.grantId) ?? new Set<string>();
        set.add(key);
        grants.set(payload.grantId, set);
      }
    }

    async find(id: string): Promise<Payload | undefined> {
      return live(this.key(id));
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      for (const [key, entry] of entries)
        if (key.startsWith(`${this.model}:`) && entry.payload.uid === uid) return live(key);
      return undefined;
    }

    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      for (const [key, entry] of entries)
        if (key.startsWith(`${this.model}:`) && entry.payload.userCode === userCode)
          return live(key);
      return undefined;
    }

    async consume(id: string): Promise<void> {
      const payload = live(this.key(id));
      if (payload) payload['consumed'] = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      entries.delete(this.key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of grants.get(grantId) ?? []) entries.delete(key);
      grants.delete(grantId);
    }
  };
}
