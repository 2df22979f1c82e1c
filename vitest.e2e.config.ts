import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    // one app server and one browser for the whole run
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { ELEVLOS_TODAY: '2026-11-25' },
  },
});
