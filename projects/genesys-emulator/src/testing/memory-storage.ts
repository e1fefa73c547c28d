// Node 20 has no localStorage; the stand-in's browser code under jest gets this one instead.

/** Installs a fresh Map-backed `localStorage` on globalThis and returns the Map behind it. */
export function installMemoryStorage(): Map<string, string> {
  const map = new Map<string, string>();
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    },
  });
  return map;
}
