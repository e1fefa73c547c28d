// @ts-check
/** The emulator's own protocol tests: Node environment, TypeScript through ts-jest. @type {import('jest').Config} */
module.exports = {
  displayName: 'genesys-emulator',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
