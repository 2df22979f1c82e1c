import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // ages, adulthood and "current" enrolments are computed against this day
    env: { ELEVLOS_TODAY: '2026-11-25' },
    reporters: ['default'],
  },
});
