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
    // A journey waits for what a person would see after a click (a request, a reload, a render):
    // 1 s, vitest's default, was lost on a busy two-core machine. A missing result still fails.
    expect: { poll: { timeout: 10_000 } },
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
