import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'shared/**/*.test.ts', 'functions/**/*.test.ts'],
    globalSetup: ['test/setup/local-services.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: more workers only queue on DynamoDB Local and Chromium.
    maxWorkers: 2,
  },
});
