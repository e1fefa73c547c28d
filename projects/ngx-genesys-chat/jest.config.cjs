// @ts-check
const { createCjsPreset } = require('jest-preset-angular/presets');

const preset = createCjsPreset({
  tsconfig: '<rootDir>/tsconfig.spec.json',
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
});

const shared = {
  ...preset,
  rootDir: __dirname,
  moduleNameMapper: {
    '^ngx-genesys-chat$': '<rootDir>/src/public-api.ts',
    '^ngx-genesys-chat/testing$': '<rootDir>/testing/src/public-api.ts',
    '^ngx-genesys-chat/testing/harness$': '<rootDir>/testing/harness/src/public-api.ts',
    '^ngx-genesys-chat/messaging-widget$': '<rootDir>/messaging-widget/src/public-api.ts',
    '^ngx-genesys-chat/router$': '<rootDir>/router/src/public-api.ts',
    '^ngx-genesys-chat/regions$': '<rootDir>/regions/src/public-api.ts',
  },
};

/**
 * Two runs of the same specs: every spec under zoneless change detection (the Angular 21 default),
 * and the ones that render templates or re-enter Angular again under zone.js, so both kinds of app are covered.
 * @type {import('jest').Config}
 */
module.exports = {
  projects: [
    { ...shared, displayName: 'zoneless', setupFilesAfterEnv: ['<rootDir>/setup-jest.ts'] },
    {
      ...shared,
      displayName: 'zone.js',
      setupFilesAfterEnv: ['<rootDir>/setup-jest-zone.ts'],
      testMatch: [
        '<rootDir>/src/**/directive/*.spec.ts',
        '<rootDir>/src/**/service/*.spec.ts',
        '<rootDir>/testing/**/*.spec.ts',
        '<rootDir>/messaging-widget/**/*.spec.ts',
        '<rootDir>/router/**/*.spec.ts',
      ],
      // The model-based run drives no Angular code; once (zoneless) is enough for its 10,000 runs.
      testPathIgnorePatterns: ['/node_modules/', 'attribute-sync\\.model\\.spec\\.ts$'],
    },
  ],
};
