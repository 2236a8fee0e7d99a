import { defineConfig } from 'vitest/config';

const report = process.env.ATELIER_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'shared/**/*.test.ts', 'functions/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    globalSetup: ['test/setup/local-services.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: more workers only queue on DynamoDB Local and Chromium.
    maxWorkers: 2,
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
