// Jest runs TypeScript through SWC (to CommonJS); middy 7, cockatiel 4 and marked are ESM-only, so they are
// transformed too. Type-checking is `npm run typecheck`, separately.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@middy|cockatiel|marked)/)'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};

export default {
  // One test file at a time: the end-to-end suites share one local gateway, whose circuit breakers
  // and registry simulators some tests deliberately upset.
  maxWorkers: 1,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/(integration|e2e|infra|reliability|browser)/',
      ],
    },
    {
      ...common,
      displayName: 'infra',
      testMatch: ['<rootDir>/test/infra/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/test/integration/**/*.test.ts',
        '<rootDir>/test/e2e/**/*.test.ts',
        // Reliability suites share the one local stack (`npm run test:reliability` runs them alone).
        '<rootDir>/test/reliability/**/*.test.ts',
        // The officer console in headless Chromium, against the same local stack.
        '<rootDir>/test/browser/**/*.test.ts',
      ],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
