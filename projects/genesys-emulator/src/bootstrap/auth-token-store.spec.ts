import { createTokenStore } from './auth-token-store';
import { installMemoryStorage } from '../testing/memory-storage';

describe('the stand-in Auth plugin token store', () => {
  let map: Map<string, string>;
  beforeEach(() => (map = installMemoryStorage()));

  it('keeps one entry per deployment, and removes it', () => {
    const a = createTokenStore('a');
    const b = createTokenStore('b');
    a.save({ jwt: 'j', refreshToken: 'r' });
    expect(a.read()).toEqual({ jwt: 'j', refreshToken: 'r' });
    expect(b.read()).toBeNull();
    a.remove();
    expect(a.read()).toBeNull();
    expect(map.size).toBe(0);
  });

  it.each([['not json'], ['null'], ['{"jwt":"j"}'], ['{"jwt":1,"refreshToken":"r"}']])(
    'reads %s as no tokens',
    (stored) => {
      const store = createTokenStore('a');
      map.set(store.key, stored);
      expect(store.read()).toBeNull();
    },
  );

  it('reads only the two token fields', () => {
    const store = createTokenStore('a');
    map.set(store.key, JSON.stringify({ jwt: 'j', refreshToken: 'r', extra: 'x' }));
    expect(store.read()).toEqual({ jwt: 'j', refreshToken: 'r' });
  });
});
