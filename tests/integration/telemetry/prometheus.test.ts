import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startApp, type RunningApp } from "../../support/launcher";
import { testDatabaseKind } from "../../support/test-database";

// A real Prometheus (Debian's `prometheus` package; .ci/run installs it) scrapes
// a real `npm start` with a bearer token. Once is enough: the PostgreSQL pass
// would test the same HTTP path again.
const prometheusBin = process.env.PROMETHEUS_PATH ?? "/usr/bin/prometheus";
const runs = testDatabaseKind() === "pglite" && existsSync(prometheusBin);
if (!runs && testDatabaseKind() === "pglite")
  console.warn(`SKIPPED the Prometheus scrape test: no ${prometheusBin} (apt-get install prometheus)`);

const dir = mkdtempSync(path.join(tmpdir(), "rackmind-prom-"));
let app: RunningApp | undefined;
let prometheus: ChildProcess | undefined;
afterAll(async () => {
  prometheus?.kill("SIGTERM");
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function poll<T>(fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe.skipIf(!runs)("Prometheus scrapes /api/metrics", () => {
  it("reports the Rackmind target up and reads the fleet gauges", { timeout: 300_000 }, async () => {
    const token = "prometheus-scrape-token-0001";
    app = await startApp({ RACKMIND_DATA_DIR: path.join(dir, "data"), RACKMIND_ADMIN_TOKEN: token });
    const appPort = new URL(app.baseUrl).port;
    const promPort = await freePort();
    writeFileSync(
      path.join(dir, "prometheus.yml"),
      [
        "global: { scrape_interval: 1s, scrape_timeout: 1s }",
        "scrape_configs:",
        "  - job_name: rackmind",
        "    metrics_path: /api/metrics",
        `    authorization: { type: Bearer, credentials: ${token} }`,
        `    static_configs: [ { targets: ["127.0.0.1:${appPort}"] } ]`,
      ].join("\n"),
    );
    prometheus = spawn(
      prometheusBin,
      [
        `--config.file=${path.join(dir, "prometheus.yml")}`,
        `--storage.tsdb.path=${path.join(dir, "tsdb")}`,
        `--web.listen-address=127.0.0.1:${promPort}`,
      ],
      { stdio: "ignore" },
    );
    const api = `http://127.0.0.1:${promPort}/api/v1`;
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
