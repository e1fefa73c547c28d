// An app without @angular/cdk installed can use ngx-genesys-chat/testing: only the harness entry
// point needs the CDK. The CDK modules are replaced by ones that throw when imported.
jest.mock('@angular/cdk/testing', () => {
  throw new Error('@angular/cdk/testing was imported');
});
jest.mock('@angular/cdk/testing/testbed', () => {
  throw new Error('@angular/cdk/testing/testbed was imported');
});

// The first import compiles the library from source, which can take longer than jest's 5 s on a cold cache.
const COLD_IMPORT_MS = 30_000;

describe('ngx-genesys-chat/testing without @angular/cdk', () => {
  it('imports provideGenesysChatTesting and FakeGenesys', async () => {
    const testing = await import('ngx-genesys-chat/testing');
    expect(typeof testing.provideGenesysChatTesting).toBe('function');
    expect(typeof testing.FakeGenesys).toBe('function');
  }, COLD_IMPORT_MS);

  it('keeps the harness in ngx-genesys-chat/testing/harness, the one entry that needs the CDK', async () => {
    await expect(import('ngx-genesys-chat/testing/harness')).rejects.toThrow(
      '@angular/cdk/testing was imported',
    );
  }, COLD_IMPORT_MS);
});
