/**
 * `npm run test:faults`: the reliability suite in full — fault injection
 * (worker killed three times while training, the PostgreSQL server restarted
 * during ingest and away for 30 s, serving killed), the RBAC matrix, and
 * property-based fuzzing with 1,000 hostile inputs per route and parser.
 * `npm test` runs the same files in their fast variants. Needs the PostgreSQL
 * server binaries (Debian's postgresql package) for the database faults;
 * TEST_DATABASE_URL adds the server to the integration runs, as in `npm test`.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureBuild } from "./launcher/build";

const root = path.resolve(import.meta.dirname, "..");
const FILES = [
  "tests/integration/fault-injection/",
  "tests/integration/jobs/workers.test.ts",
  "tests/integration/launcher/serving-restart.test.ts",
  "tests/integration/api/rbac-matrix.test.ts",
  "tests/integration/api/fuzz-routes.test.ts",
  "tests/unit/fuzz/",
];

// The launcher-based faults start `npm start`, which needs a current build.
ensureBuild(root, (msg) => process.stdout.write(`${msg}\n`));
const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--reporter=verbose", ...FILES],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      RACKMIND_FAULTS_FULL: "1",
      RACKMIND_FUZZ_RUNS: process.env.RACKMIND_FUZZ_RUNS ?? "1000",
    },
  },
);
process.exit(result.status ?? 1);
