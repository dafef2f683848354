import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// Integration tests run once per database: PGlite always, and the PostgreSQL
// server too when TEST_DATABASE_URL names one. Each test file gets its own
// fresh, migrated database (tests/support/integration-setup.ts).
const integration = (kind: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name: `integration:${kind}`,
    include: ["tests/integration/**/*.test.ts"],
    setupFiles: ["tests/support/integration-setup.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    env: { RACKMIND_TEST_DB: kind },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    pool: "forks",
    env: { LOG_LEVEL: "silent" },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      integration("pglite"),
      ...(process.env.TEST_DATABASE_URL ? [integration("postgres")] : []),
    ],
  },
});
