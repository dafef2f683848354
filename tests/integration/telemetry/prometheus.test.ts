import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../support/launcher";
import { hasPrometheus, poll, prometheusBin, startPrometheus, type RunningPrometheus } from "../../support/prometheus";
import { testDatabaseKind } from "../../support/test-database";

// A real Prometheus (Debian's `prometheus` package; .ci/run installs it) scrapes
// a real `npm start` with a bearer token. Once is enough: the PostgreSQL pass
// would test the same HTTP path again.
const runs = testDatabaseKind() === "pglite" && hasPrometheus;
if (!runs && testDatabaseKind() === "pglite")
  console.warn(`SKIPPED the Prometheus scrape test: no ${prometheusBin} (apt-get install prometheus)`);

const dir = mkdtempSync(path.join(tmpdir(), "rackmind-prom-"));
let app: RunningApp | undefined;
let prometheus: RunningPrometheus | undefined;
afterAll(async () => {
  await prometheus?.stop();
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!runs)("Prometheus scrapes /api/metrics", () => {
  it("reports the Rackmind target up and reads the fleet gauges", { timeout: 300_000 }, async () => {
    const token = "prometheus-scrape-token-0001";
    app = await startApp({ RACKMIND_DATA_DIR: path.join(dir, "data"), RACKMIND_ADMIN_TOKEN: token });
    const appPort = new URL(app.baseUrl).port;
    prometheus = await startPrometheus(dir, [
      "global: { scrape_interval: 1s, scrape_timeout: 1s }",
      "scrape_configs:",
      "  - job_name: rackmind",
      "    metrics_path: /api/metrics",
      `    authorization: { type: Bearer, credentials: ${token} }`,
      `    static_configs: [ { targets: ["127.0.0.1:${appPort}"] } ]`,
    ]);
    const { api } = prometheus;
    const target = await poll(async () => {
      const body = await (await fetch(`${api}/targets`)).json();
      const t = body.data.activeTargets[0];
      return t?.health === "up" ? t : undefined;
    }, 60_000);
    expect(target).toMatchObject({
      health: "up",
      labels: { job: "rackmind" },
      scrapeUrl: `http://127.0.0.1:${appPort}/api/metrics`,
    });
    const active = await poll(async () => {
      const body = await (
        await fetch(`${api}/query?query=${encodeURIComponent('rackmind_servers{status="active"}')}`)
      ).json();
      return body.data.result[0]?.value[1] as string | undefined;
    }, 30_000);
    expect(active).toBe("59");
  });
});
