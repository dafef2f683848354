/**
 * `npm run audit:verify`: recomputes the audit log's hash chain in DATABASE_URL
 * and prints one JSON line, `{ok, checked, firstBadId, headId, headHash, reason?, seconds}`.
 * Exit code 0 when the chain is intact, 1 when it is broken, 2 when it could not
 * be checked (no DATABASE_URL, database unreachable), so cron or CI can alert.
 */
import { verifyAuditChain } from "../lib/audit/chain";
import { getConfig } from "../lib/config";
import { disconnectDb } from "../lib/db";

if (!getConfig().DATABASE_URL) {
  console.error(
    "DATABASE_URL is not set. For the embedded database of a running Rackmind started with RACKMIND_PGLITE_PORT=5433: " +
      "DATABASE_URL='postgresql://postgres@127.0.0.1:5433/postgres?sslmode=disable' npm run audit:verify",
  );
  process.exit(2);
}

let code = 2;
try {
  const started = performance.now();
  const report = await verifyAuditChain();
  const seconds = Number(((performance.now() - started) / 1000).toFixed(3));
  console.log(JSON.stringify({ ...report, seconds }));
  code = report.ok ? 0 : 1;
} catch (err) {
  console.error(`The audit chain could not be checked: ${(err as Error).message}`);
} finally {
  await disconnectDb();
}
process.exit(code);
