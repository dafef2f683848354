/**
 * `npm test`: every test that can run here, saying clearly what it skipped.
 *   1. unit + integration on PGlite (always) and on the PostgreSQL server named
 *      by TEST_DATABASE_URL (when set) — vitest;
 *   2. end-to-end in Chromium (CHROMIUM_PATH, else /usr/bin/chromium) — Playwright,
 *      against a real `npm start` on a fresh embedded database.
 * Before them: the type check, ESLint and Prettier's check.
 * Ends with one line "N passed, N failed, N skipped" and a non-zero exit on failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureBuild } from "./launcher/build";

const root = path.resolve(import.meta.dirname, "..");
const tmp = path.join(root, ".test-tmp");
mkdirSync(tmp, { recursive: true });

type Tally = { passed: number; failed: number; skipped: number; ok: boolean };
const say = (line: string) => process.stdout.write(`${line}\n`);

function run(command: string, args: string[], env: Record<string, string>): number {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function runVitest(): Tally {
  const report = path.join(tmp, "vitest.json");
  rmSync(report, { force: true });
  const server = process.env.TEST_DATABASE_URL;
  say(`\n== unit + integration (vitest) ==`);
  say(`   integration on PGlite: yes`);
  say(
    server
      ? `   integration on the PostgreSQL server: yes (${redact(server)})`
      : `   SKIPPED integration on a PostgreSQL server: TEST_DATABASE_URL is not set`,
  );
  const code = run(
    process.execPath,
    [
      path.join(root, "node_modules/vitest/vitest.mjs"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    {},
  );
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0, ok: false };
  const r = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
    ok: code === 0,
  };
}

function runPlaywright(): Tally {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  say(`\n== end-to-end (Playwright, Chromium) ==`);
  if (!existsSync(chromium)) {
    say(`   SKIPPED end-to-end tests: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return { passed: 0, failed: 0, skipped: 0, ok: true };
  }
  const report = path.join(tmp, "playwright.json");
  rmSync(report, { force: true });
  const code = run(
    process.execPath,
    [path.join(root, "node_modules/@playwright/test/cli.js"), "test", "--reporter=list,json"],
    {
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT_FILE: report,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  );
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0, ok: false };
  const s = (
    JSON.parse(readFileSync(report, "utf8")) as {
      stats: { expected: number; unexpected: number; skipped: number; flaky: number };
    }
  ).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped, ok: code === 0 };
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

function runTypecheck(): Tally {
  say(`\n== typecheck (tsc --noEmit) ==`);
  const code = run(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", root], {});
  say(code === 0 ? "   no type errors" : "   type errors above");
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, ok: code === 0 };
}

/** ESLint (TypeScript rules, React hooks, the import boundaries of eslint.config.mjs) and Prettier's check. */
function runHouseChecks(): Record<string, Tally> {
  say(`\n== lint (eslint) ==`);
  const lint = run(
    process.execPath,
    [path.join(root, "node_modules/eslint/bin/eslint.js"), "--max-warnings=0", "."],
    {},
  );
  say(lint === 0 ? "   no lint errors" : "   lint errors above (npx eslint --fix . mends some)");
  say(`\n== format (prettier --check) ==`);
  const format = run(
    process.execPath,
    [path.join(root, "node_modules/prettier/bin/prettier.cjs"), "--check", "--log-level=warn", "."],
    {},
  );
  say(format === 0 ? "   every file is formatted" : "   unformatted files above (npm run format writes them)");
  const tally = (code: number): Tally => ({
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    skipped: 0,
    ok: code === 0,
  });
  return { lint: tally(lint), format: tally(format) };
}

// Build once up front: the launcher tests and the e2e suite both start the app,
// and two concurrent `next build`s into one .next folder would break each other.
function runBuild(): Tally {
  say(`\n== build (next build, when the sources changed) ==`);
  try {
    ensureBuild(root, (msg) => say(`   ${msg}`));
    say("   build is up to date");
    return { passed: 1, failed: 0, skipped: 0, ok: true };
  } catch (err) {
    say(`   build failed: ${(err as Error).message}`);
    return { passed: 0, failed: 1, skipped: 0, ok: false };
  }
}

const suites: Record<string, Tally> = { typecheck: runTypecheck(), ...runHouseChecks(), build: runBuild() };
suites.vitest = runVitest();
suites.playwright = suites.build!.ok
  ? runPlaywright()
  : (say("   SKIPPED end-to-end tests: the build failed"), { passed: 0, failed: 0, skipped: 0, ok: false });
const total = Object.values(suites).reduce(
  (t, s) => ({
    passed: t.passed + s.passed,
    failed: t.failed + s.failed,
    skipped: t.skipped + s.skipped,
    ok: t.ok && s.ok,
  }),
  { passed: 0, failed: 0, skipped: 0, ok: true },
);
say(`\n== summary ==`);
for (const [name, s] of Object.entries(suites))
  say(`   ${name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${s.ok ? "" : " (runner failed)"}`);
// A runner that failed without a failing test (setup crash) still fails the run.
const failed = total.failed || (total.ok ? 0 : 1);
say(`${total.passed} passed, ${failed} failed, ${total.skipped} skipped`);
process.exit(failed ? 1 : 0);
