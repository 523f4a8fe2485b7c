import { defineConfig } from 'vitest/config';

/** Backend test files that also run against the institution's server (PostgreSQL), unchanged. */
const onBothEngines = [
  'tests/integration/families-log.test.ts',
  'tests/integration/concerns.test.ts',
  'tests/integration/handover.test.ts',
  'tests/integration/need-to-know.test.ts',
  'tests/integration/network.test.ts',
  'tests/integration/discharge.test.ts',
  'tests/integration/discharge-overview.test.ts',
  'tests/integration/goals.test.ts',
  'tests/integration/measurements.test.ts',
  'tests/integration/status-reports.test.ts',
  'tests/integration/progression-overview.test.ts',
  'tests/integration/evaluation-export.test.ts',
  'tests/integration/danish-search.test.ts',
  'tests/integration/fuzz.test.ts',
  'tests/integration/retention.test.ts',
];

export default defineConfig({
  test: {
    // The native driver and real files on disk: separate processes, modest parallelism for a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'], exclude: ['tests/integration/server/**'] } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...onBothEngines, 'tests/integration/server/**/*.test.ts'],
          env: { FAMILIESPOR_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/pg-global.ts'],
        },
      },
    ],
  },
});
