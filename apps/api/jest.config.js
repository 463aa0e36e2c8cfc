/**
 * Unit tests beside the code (src/**\/*.spec.ts) and integration tests through HTTP (test/**\/*.spec.ts).
 * One PostgreSQL serves the run; every test file gets a database of its own.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '\\.spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleNameMapper: { '^@atelier/domain$': '<rootDir>/../../libs/domain/src/index.ts' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30_000,
  maxWorkers: 2,
};
