import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests through a real browser against a real `npm start`: the global
 * setup builds (when needed) and starts Rackmind on a free port with a fresh
 * PGlite folder, and the tests read its address and demo passwords from a
 * state file (tests/e2e/support/state.ts).
 */
export default defineConfig({
  testDir: "tests/e2e",
  // One server and one database are shared; tests that sign in and write audit
  // events stay readable when they run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: ".test-tmp/e2e/results",
  globalSetup: "./tests/e2e/support/global-setup.ts",
  globalTeardown: "./tests/e2e/support/global-teardown.ts",
  use: {
    browserName: "chromium",
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Nothing but the local server resolves, so a test can never reach the internet.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
      ],
    },
  },
});
