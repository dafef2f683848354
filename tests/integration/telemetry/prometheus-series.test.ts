import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as series from "../../../app/api/v1/gpus/[uuid]/series/route";
import * as settingsRoute from "../../../app/api/v1/telemetry/settings/route";
import * as networksRoute from "../../../app/api/v1/telemetry/scrape-networks/route";
import { db } from "../../../lib/db";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { DCGM_DEFAULT_FIELDS } from "../../../lib/telemetry/dcgm/fields";
import { renderDcgmPage, type DcgmPageGpu } from "../../../lib/telemetry/dcgm/page";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { call } from "../../support/http";
import { freePort } from "../../support/launcher";
import { tokensByRole } from "../../support/principals";

// A real Prometheus (Debian's `prometheus` package) scrapes a dcgm-exporter
// page this test serves for two GPUs of the demo fleet, and the series
// endpoint reads them back with source=prometheus; the same samples pushed
// into Rackmind's own store give the same buckets. Without the binary only the
// tests that need no Prometheus run.
const prometheusBin = process.env.PROMETHEUS_PATH ?? "/usr/bin/prometheus";
const hasPrometheus = existsSync(prometheusBin);
if (!hasPrometheus) console.warn(`SKIPPED the Prometheus read tests: no ${prometheusBin} (apt-get install prometheus)`);

const TEMP = "DCGM_FI_DEV_GPU_TEMP";
const POWER = "DCGM_FI_DEV_POWER_USAGE";
const dir = mkdtempSync(path.join(tmpdir(), "rackmind-prom-read-"));
const servers: http.Server[] = [];
let prometheus: ChildProcess | undefined;
let tokens: Awaited<ReturnType<typeof tokensByRole>>;
let gpus: DcgmPageGpu[];
/** Every value the exporter page has shown, per GPU UUID and field. */
const rendered = new Map<string, Set<number>>();

afterAll(async () => {
  prometheus?.kill("SIGTERM");
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  rmSync(dir, { recursive: true, force: true });
});

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The exporter: each scrape shows the next values of a known sequence, different per GPU. */
function exporterPage(n: number): string {
  const fields = DCGM_DEFAULT_FIELDS.filter((f) => f.name === TEMP || f.name === POWER);
  return renderDcgmPage(gpus, {
    fields,
    value: (gpu, field) => {
      const base = gpu.index * 100;
      const value = field.name === TEMP ? base + 40 + (n % 5) : base + 250 + Math.round(5000 * Math.sin(n / 4)) / 100;
      const key = `${gpu.uuid}/${field.name}`;
      if (!rendered.has(key)) rendered.set(key, new Set());
      rendered.get(key)!.add(value);
      return value;
    },
  });
}

const seriesPath = (uuid: string, query: Record<string, string>) =>
  `/api/v1/gpus/${uuid}/series?${new URLSearchParams(query)}`;

const readSeries = (uuid: string, query: Record<string, string>) =>
  call(series.GET, { token: tokens.viewer, path: seriesPath(uuid, query), params: { uuid } });

const setPrometheusUrl = (url: string | null, token = tokens.admin) =>
  call(settingsRoute.PUT, { method: "PUT", token, json: { prometheusUrl: url } });

beforeAll(async () => {
  tokens = await tokensByRole();
  await seedDemoFleet();
  const rows = await db.gpu.findMany({
    where: { server: { hostname: "pdx1-r03-n02" }, index: { in: [0, 1] } },
    include: { server: true },
    orderBy: { index: "asc" },
  });
  gpus = rows.map((g) => ({
    index: g.index,
    uuid: g.uuid,
    pciBusId: `00000000:${(0x18 + g.index).toString(16)}:00.0`,
    modelName: g.model,
    hostname: g.server.hostname,
  }));
  expect(gpus).toHaveLength(2);
  // The test's servers are on loopback, which the scrape networks refuse unless an admin lists it.
  const res = await call(networksRoute.PUT, {
    method: "PUT",
    token: tokens.admin,
    json: { allowed: ["127.0.0.0/8"] },
  });
  expect(res.status).toBe(200);
});

describe("reading a GPU's series from Prometheus: the setting", () => {
  it("answers 409 naming the setting when no prometheusUrl is set, and leaves the default source alone", async () => {
    const uuid = gpus[0]!.uuid;
    const res = await readSeries(uuid, { metric: TEMP, source: "prometheus" });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", details: { setting: "prometheusUrl" } });
    expect(res.body.error.message).toMatch(/prometheusUrl/);
    const own = await readSeries(uuid, { metric: TEMP });
    expect(own.status).toBe(200);
    expect(own.body.source).toBe("raw");
  });

  it("lets only an admin change prometheusUrl, audited; an operator may send it back unchanged", async () => {
    const operator = await setPrometheusUrl("http://10.0.0.9:9090", tokens.operator);
    expect(operator.status).toBe(403);
    expect(operator.body.error.code).toBe("forbidden");
    const bad = await setPrometheusUrl("http://user:pw@10.0.0.9:9090");
    expect(bad.status).toBe(422);
    const ftp = await setPrometheusUrl("ftp://10.0.0.9/");
    expect(ftp.status).toBe(422);
    const admin = await setPrometheusUrl("http://10.0.0.9:9090");
    expect(admin.status).toBe(200);
    expect(admin.body.prometheusUrl).toBe("http://10.0.0.9:9090");
    const same = await call(settingsRoute.PUT, {
      method: "PUT",
      token: tokens.operator,
      json: { prometheusUrl: "http://10.0.0.9:9090", staleAfterMinutes: 5 },
    });
    expect(same.status).toBe(200);
    const audit = await db.auditEvent.findMany({
      where: { action: "telemetry.settings_update" },
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(audit.map((e) => [e.actor, e.details])).toEqual([
      [expect.stringContaining("operator"), { prometheusUrl: "http://10.0.0.9:9090", staleAfterMinutes: 5 }],
      [expect.stringContaining("admin"), { prometheusUrl: "http://10.0.0.9:9090" }],
    ]);
    expect((await setPrometheusUrl(null)).body.prometheusUrl).toBeNull();
  });

  it("changes only the settings sent: an operator's PUT of another setting keeps the admin's URL", async () => {
    await setPrometheusUrl("http://10.0.0.9:9090");
    const res = await call(settingsRoute.PUT, { method: "PUT", token: tokens.operator, json: { degradedTempC: 90 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ degradedTempC: 90, staleAfterMinutes: 5, prometheusUrl: "http://10.0.0.9:9090" });
    const next = await call(settingsRoute.PUT, {
      method: "PUT",
      token: tokens.operator,
      json: { staleAfterMinutes: 6 },
    });
    expect(next.body).toMatchObject({ degradedTempC: 90, staleAfterMinutes: 6, prometheusUrl: "http://10.0.0.9:9090" });
    await call(settingsRoute.PUT, {
      method: "PUT",
      token: tokens.admin,
      json: { degradedTempC: 87, staleAfterMinutes: 5, prometheusUrl: null },
    });
  });
});

describe("reading a GPU's series from Prometheus: failures", () => {
  it("answers 502 in the error shape when Prometheus is unreachable", async () => {
    await setPrometheusUrl(`http://127.0.0.1:${await freePort()}`);
    const res = await readSeries(gpus[0]!.uuid, { metric: TEMP, source: "prometheus" });
    expect(res.status).toBe(502);
    expect(res.body.error).toMatchObject({ code: "bad_gateway", details: null });
    expect(res.body.error.message).toMatch(/connection refused/);
  });

  it("never echoes what a failing or confused server answered", async () => {
    const secret = "SECRET-UPSTREAM-BODY";
    const failing = await listen((_req, res) => res.writeHead(500).end(secret));
    await setPrometheusUrl(failing);
    const res = await readSeries(gpus[0]!.uuid, { metric: TEMP, source: "prometheus" });
    expect(res.status).toBe(502);
    expect(res.body.error.message).toMatch(/HTTP 500/);
    expect(JSON.stringify(res.body)).not.toContain(secret);

    const confused = await listen((_req, res) =>
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ status: "error", error: secret })),
    );
    await setPrometheusUrl(confused);
    const res2 = await readSeries(gpus[0]!.uuid, { metric: TEMP, source: "prometheus" });
    expect(res2.status).toBe(502);
    expect(res2.body.error.message).toMatch(/query_range matrix/);
    expect(JSON.stringify(res2.body)).not.toContain(secret);
  });

  it("answers 504 when Prometheus does not answer within 5 s", { timeout: 20_000 }, async () => {
    const silent = await listen(() => {
      /* never answers */
    });
    await setPrometheusUrl(silent);
    const started = Date.now();
    const res = await readSeries(gpus[0]!.uuid, { metric: TEMP, source: "prometheus" });
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe("gateway_timeout");
    expect(Date.now() - started).toBeLessThan(8_000);
    // The hanging connections would otherwise hold the server open at the end.
    servers.at(-1)!.closeAllConnections();
  });

  it("refuses a Prometheus outside the scrape networks (502), as it refuses scrape targets", async () => {
    await setPrometheusUrl("http://169.254.169.254");
    const res = await readSeries(gpus[0]!.uuid, { metric: TEMP, source: "prometheus" });
    expect(res.status).toBe(502);
    expect(res.body.error.message).toMatch(/not in the allowed scrape networks/);
  });
});

type RawSample = [number, string];

async function rawSamples(promUrl: string, metric: string, uuid: string): Promise<RawSample[]> {
  const query = `${metric}{UUID="${uuid}"}[10m]`;
  const body = await (await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(query)}`)).json();
  return (body.data?.result?.[0]?.values ?? []) as RawSample[];
}

describe.skipIf(!hasPrometheus)("reading a GPU's series from a real Prometheus", () => {
  let promUrl: string;

  beforeAll(async () => {
    let scrapes = 0;
    const exporter = await listen((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(exporterPage(scrapes++));
    });
    const port = await freePort();
    writeFileSync(
      path.join(dir, "prometheus.yml"),
      [
        "global: { scrape_interval: 1s, scrape_timeout: 1s }",
        "scrape_configs:",
        "  - job_name: dcgm",
        `    static_configs: [ { targets: ["${new URL(exporter).host}"] } ]`,
      ].join("\n"),
    );
    prometheus = spawn(
      prometheusBin,
      [
        `--config.file=${path.join(dir, "prometheus.yml")}`,
        `--storage.tsdb.path=${path.join(dir, "tsdb")}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: "ignore" },
    );
    promUrl = `http://127.0.0.1:${port}`;
    // 16 scrapes a second apart: at least two whole 5-second buckets.
    const deadline = Date.now() + 90_000;
    while ((await rawSamples(promUrl, POWER, gpus[0]!.uuid).catch(() => [])).length < 16) {
      if (Date.now() > deadline) throw new Error("Prometheus collected no samples within 90 s");
      await new Promise((r) => setTimeout(r, 500));
    }
    expect((await setPrometheusUrl(promUrl)).status).toBe(200);
  }, 120_000);

  it("answers each GPU's own values, with source prometheus", async () => {
    const [a, b] = gpus as [DcgmPageGpu, DcgmPageGpu];
    const from = new Date(Date.now() - 120_000).toISOString();
    const to = new Date(Date.now() + 1_000).toISOString();
    for (const gpu of [a, b]) {
      const res = await readSeries(gpu.uuid, { metric: TEMP, source: "prometheus", from, to, step: "1" });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ metric: TEMP, source: "prometheus", step: 1, from, to });
      expect(res.body.points.length).toBeGreaterThanOrEqual(10);
      const own = rendered.get(`${gpu.uuid}/${TEMP}`)!;
      // min and max of a step are samples, so each is a value this GPU's page showed (the other GPU's are 100 apart).
      for (const [, v] of [...res.body.min, ...res.body.max]) expect(own.has(v), `${v} for ${gpu.uuid}`).toBe(true);
      for (const [t, v] of res.body.points) {
        expect(Date.parse(t) % 1000).toBe(0);
        expect(v).toBeGreaterThanOrEqual(gpu.index * 100 + 40);
        expect(v).toBeLessThanOrEqual(gpu.index * 100 + 44);
      }
    }
  });

  it("gives the same buckets as Rackmind's own store holding the same samples", async () => {
    const gpu = gpus[0]!;
    const samples = await rawSamples(promUrl, POWER, gpu.uuid);
    const own = rendered.get(`${gpu.uuid}/${POWER}`)!;
    for (const [, v] of samples) expect(own.has(Number(v))).toBe(true);
    // The same samples, at the same millisecond, pushed as a dcgm page.
    const page = samples
      .map(
        ([t, v]) =>
          `${POWER}{gpu="${gpu.index}",UUID="${gpu.uuid}",Hostname="${gpu.hostname}"} ${v} ${Math.round(t * 1000)}`,
      )
      .join("\n");
    const ingested = await ingestDcgm(page, new Date());
    expect(ingested.stored).toBe(samples.length);
    // Whole 5-second buckets both sides have all of: from the first after the first sample to the last before the last.
    const step = 5_000;
    const first = Math.ceil((samples[0]![0] * 1000) / step) * step;
    const last = Math.floor((samples.at(-1)![0] * 1000) / step) * step;
    expect(last - first).toBeGreaterThanOrEqual(2 * step);
    const query = { metric: POWER, from: new Date(first).toISOString(), to: new Date(last).toISOString(), step: "5" };
    const store = await readSeries(gpu.uuid, query);
    const prom = await readSeries(gpu.uuid, { ...query, source: "prometheus" });
    expect([store.status, prom.status]).toEqual([200, 200]);
    expect(store.body.source).toBe("raw");
    expect(prom.body.source).toBe("prometheus");
    expect(prom.body.points.map(([t]: [string]) => t)).toEqual(store.body.points.map(([t]: [string]) => t));
    expect(prom.body.points.length).toBe((last - first) / step);
    prom.body.points.forEach(([, v]: [string, number], i: number) => expect(v).toBeCloseTo(store.body.points[i][1], 6));
    expect(prom.body.min).toEqual(store.body.min);
    expect(prom.body.max).toEqual(store.body.max);
  });
});
