/** Unit tests of the pure domain: no database, no framework. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
};
