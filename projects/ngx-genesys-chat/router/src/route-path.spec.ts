import { routePath } from './route-path';

describe('routePath', () => {
  it('keeps the path and drops the query string and the fragment, where personal data travels', () => {
    expect(routePath('/orders/42?email=ada@example.com#token=abc')).toBe('/orders/42');
    expect(routePath('/help#section')).toBe('/help');
    expect(routePath('?q=1')).toBe('/');
  });

  it('cuts a path longer than 200 characters', () => {
    expect(routePath(`/${'a'.repeat(300)}`)).toHaveLength(200);
  });
});
