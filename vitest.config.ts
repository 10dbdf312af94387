import { defineConfig } from "vitest/config";

/**
 * Unit and integration tests live beside the code (x.test.ts); browser and
 * Electron end-to-end specs live in e2e/ and run one file at a time, since
 * each starts its own `govdesk serve` and Chromium on a 2-core machine.
 * Both projects rebuild dist/ first when it is older than the sources (the
 * CLI and e2e tests run the bundles, as users do).
 * GOVDESK_TEST_REPORT=<file> adds a JSON report (used by .ci/run for totals).
 */
const report = process.env.GOVDESK_TEST_REPORT;

export default defineConfig({
  test: {
    reporters: report ? ["default", ["json", { outputFile: report }]] : ["default"],
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["electron/**/*.test.ts", "scripts/**/*.test.ts", "renderer/**/*.test.ts", "*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
          globalSetup: ["scripts/testing/fresh-bundles.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["e2e/**/*.spec.ts"],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          pool: "forks",
          globalSetup: ["scripts/testing/fresh-bundles.ts"],
        },
      },
    ],
  },
});
