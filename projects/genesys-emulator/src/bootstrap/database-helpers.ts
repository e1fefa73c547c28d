/*
 * Small helpers of the bootstrap stand-in: dotted-path reads and removals on the Database
 * object, a JSON deep merge for Database.update, a JSON clone, and a v4 UUID.
 */

export function readPath(root: object, path: string): unknown {
  let value: unknown = root;
  for (const part of path.split('.'))
    value =
      value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return clone(value);
}

export function removePath(root: object, path: string): void {
  const parts = path.split('.');
  const last = parts.pop()!;
  let target: unknown = root;
  for (const part of parts)
    target =
      target && typeof target === 'object' ? (target as Record<string, unknown>)[part] : undefined;
  if (target && typeof target === 'object') delete (target as Record<string, unknown>)[last];
}

export function deepMerge(into: unknown, from: unknown): unknown {
  if (!from || typeof from !== 'object' || Array.isArray(from) || !into || typeof into !== 'object')
    return from;
  const out: Record<string, unknown> = { ...(into as Record<string, unknown>) };
  for (const [k, v] of Object.entries(from)) out[k] = deepMerge(out[k], v);
  return out;
}

export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
