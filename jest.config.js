// Test tiers are told by file name: *.unit.test.ts (pure logic in memory: no database, server or broker),
// *.component.test.ts (one component in process with its real local resources: SQLite files in a temp folder,
// an HTTP server on a loopback port; no broker or registry) and *.int.test.ts / *.e2e.test.ts
// (against a real Kafka broker and schema registry that test/support/global-setup.ts starts).
/** @type {import('jest').Config} */
const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // Tests import the shared library from source; `tsc -b` type-checks the same code for the build.
  moduleNameMapper: {
    '^@saga/shared$': '<rootDir>/shared/src/index.ts',
    '^@saga/shared/tracing$': '<rootDir>/shared/src/telemetry/tracing.ts',
    '^@saga/providers$': '<rootDir>/providers/src/index.ts',
    '^@saga/client$': '<rootDir>/client/src/index.ts',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.test.ts'] },
    { ...shared, displayName: 'component', testMatch: ['<rootDir>/**/*.component.test.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/*.int.test.ts', '<rootDir>/**/*.e2e.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // The smoke suite against an already running system (`make test-e2e`, `make test-compose`): no
      // global setup, since it starts nothing; its target comes from GATEWAY_URL and the provider URLs.
      ...shared,
      displayName: 'stack',
      testMatch: ['<rootDir>/test/stack/**/*.stack.test.ts'],
    },
    {
      // The crash test and the gateway's 20,000-order restart test (`make test-chaos`): minutes long,
      // and they fill the topics, which the other tiers read from the beginning: a tier of its own.
      ...shared,
      displayName: 'chaos',
      testMatch: ['<rootDir>/**/*.chaos.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  // A global option in jest 30 (ignored inside a project): generous for the integration tiers, whose
  // tests wait on real processes; unit and component tests finish in milliseconds either way.
  testTimeout: 120_000,
};
