import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../lib/demo/simulator";
import { startApp, type RunningApp } from "../../support/launcher";
import {
  hasPrometheus,
  poll,
  prometheusBin,
  prometheusOwnMetric,
  startPrometheus,
  type RunningPrometheus,
  scrapeSimulatorConfig,
} from "../../support/prometheus";
import { testDatabaseKind } from "../../support/test-database";

// The path an operator with Prometheus already in place takes: a real
// Prometheus (Debian's package) scrapes dcgm-exporter — here the demo fleet's
// simulator — and forwards to a real `npm start` over remote-write, with the
// `remote_write` block the README documents. Once is enough: the PostgreSQL
// pass would test the same HTTP path again.
const runs = testDatabaseKind() === "pglite" && hasPrometheus;
if (!runs && testDatabaseKind() === "pglite")
  console.warn(`SKIPPED the Prometheus remote-write test: no ${prometheusBin} (apt-get install prometheus)`);

const dir = mkdtempSync(path.join(tmpdir(), "rackmind-remote-write-"));
let app: RunningApp | undefined;
let sim: RunningSimulator | undefined;
let prometheus: RunningPrometheus | undefined;
afterAll(async () => {
  await prometheus?.stop();
  await sim?.close();
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const HOST = "ams1-r01-n01";

describe.skipIf(!runs)("Prometheus remote-writes dcgm-exporter's series to Rackmind", () => {
  it("delivers scraped samples into a GPU's series", { timeout: 300_000 }, async () => {
    const admin = "remote-write-admin-token-0001";
    // Without the demo feed the seeded GPUs never report: every sample in their series came through Prometheus.
    app = await startApp({
      RACKMIND_DATA_DIR: path.join(dir, "data"),
      RACKMIND_ADMIN_TOKEN: admin,
      RACKMIND_DEMO_TELEMETRY: "0",
    });
    const asAdmin = { authorization: `Bearer ${admin}`, "content-type": "application/json" };
    // An ingest token of its own, as the README suggests: operator is the least role that may write telemetry.
    const created = await fetch(`${app.baseUrl}/api/v1/tokens`, {
      method: "POST",
      headers: asAdmin,
      body: JSON.stringify({ name: "prometheus-remote-write", role: "operator" }),
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const gpus = (await (await fetch(`${app.baseUrl}/api/v1/gpus?hostname=${HOST}`, { headers: asAdmin })).json()) as {
      items: { uuid: string; index: number }[];
    };
    const gpu = gpus.items.find((g) => g.index === 0)!;
    const seriesUrl = `${app.baseUrl}/api/v1/gpus/${gpu.uuid}/series?metric=DCGM_FI_DEV_GPU_TEMP&step=1`;
    const points = async () =>
      ((await (await fetch(seriesUrl, { headers: asAdmin })).json()) as { points: [string, number][] }).points;
    expect(await points()).toEqual([]);

    sim = await startSimulator({ port: 0, host: "127.0.0.1" });
    prometheus = await startPrometheus(dir, [
      ...scrapeSimulatorConfig(sim.url, HOST),
      "remote_write:",
      `  - url: ${app.baseUrl}/api/v1/telemetry/remote-write`,
      `    authorization: { credentials: ${token} }`,
      "    write_relabel_configs:",
      "      - { source_labels: [__name__], regex: 'DCGM_.*', action: keep }",
      "    queue_config: { batch_send_deadline: 1s, min_backoff: 100ms, max_backoff: 1s }",
    ]);

    const delivered = await poll(
      async () => {
        const p = await points();
        return p.length >= 2 ? p : undefined;
      },
      60_000,
      "Prometheus's samples in the GPU's series",
    );
    for (const [at, celsius] of delivered) {
      expect(Date.now() - Date.parse(at)).toBeLessThan(5 * 60_000);
      expect(celsius).toBeGreaterThan(20);
      expect(celsius).toBeLessThan(100);
    }
    // Prometheus's own account: samples sent, none failed (refused with a 4xx, or a 5xx retried until given up);
    // its `dropped` counter counts what write_relabel_configs left out (`up` and the other scrape series).
    const sent = await poll(
      async () => {
        const n = await prometheusOwnMetric(prometheus!, "prometheus_remote_storage_samples_total");
        return n && n > 0 ? n : undefined;
      },
      30_000,
      "Prometheus to count the samples it sent",
    );
    expect(sent).toBeGreaterThan(0);
    expect(await prometheusOwnMetric(prometheus, "prometheus_remote_storage_samples_failed_total")).toBe(0);
  });
});
