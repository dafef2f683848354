import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as targets from "../../../app/api/v1/telemetry/targets/route";
import * as networks from "../../../app/api/v1/telemetry/scrape-networks/route";
import * as series from "../../../app/api/v1/gpus/[uuid]/series/route";
import { db } from "../../../lib/db";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { createScraper } from "../../../lib/telemetry/scrape/scraper";
import { startSimulator, type RunningSimulator } from "../../../lib/demo/simulator";
import { call } from "../../support/http";
import { freePort } from "../../support/launcher";
import { tokensByRole } from "../../support/principals";

let op: string;
let admin: string;
let sim: RunningSimulator;
const allow = async (allowed: string[]) =>
  expect((await call(networks.PUT, { token: admin, json: { allowed } })).status).toBe(200);

beforeAll(async () => {
  ({ operator: op, admin } = await tokensByRole());
  await seedDemoFleet();
  sim = await startSimulator({ port: 0, host: "127.0.0.1" });
  // The simulator listens on loopback, which the default policy refuses: allowed here as an admin would.
  await allow(["127.0.0.0/8", "10.0.0.0/8"]);
});
afterAll(async () => {
  await sim.close();
});

describe("scraping dcgm-exporter targets", () => {
  it("scrapes the simulator on loopback into telemetry, and the GPU series answers from it", async () => {
    const url = `${sim.url}/hosts/ams1-r02-n01/metrics`;
    const created = await call(targets.POST, { token: op, json: { url, intervalSeconds: 15 } });
    expect(created.status).toBe(201);
    const scraper = createScraper();
    expect(await scraper.tick()).toBe(1);
    await scraper.drain();
    const target = await db.scrapeTarget.findUniqueOrThrow({ where: { url } });
    expect(target).toMatchObject({ lastError: null, consecutiveFailures: 0 });
    expect(target.lastSuccessAt).not.toBeNull();
    const gpus = await db.gpu.count({ where: { server: { hostname: "ams1-r02-n01" } } });
    expect(target.lastSamples).toBeGreaterThanOrEqual(gpus * 20);
    expect(target.nextScrapeAt.getTime()).toBeGreaterThan(Date.now() + 10_000);
    expect(await scraper.tick()).toBe(0); // not due again yet

    const gpu = await db.gpu.findFirstOrThrow({ where: { server: { hostname: "ams1-r02-n01" }, index: 0 } });
    const temp = await call(series.GET, {
      token: op,
      params: { uuid: gpu.uuid },
      path: `/api/v1/gpus/${gpu.uuid}/series?metric=DCGM_FI_DEV_GPU_TEMP&step=10`,
    });
    expect(temp.body.source).toBe("raw");
    expect(temp.body.points).toHaveLength(1);
    const [, celsius] = temp.body.points[0];
    expect(celsius).toBeGreaterThan(20);
    expect(celsius).toBeLessThan(100);
  });

  it("records the error and backs off when a target does not answer", async () => {
    const url = `http://127.0.0.1:${await freePort()}/metrics`;
    await call(targets.POST, { token: op, json: { url, intervalSeconds: 5 } });
    const scraper = createScraper();
    await scraper.tick();
    await scraper.drain();
    const t = await db.scrapeTarget.findUniqueOrThrow({ where: { url } });
    expect(t.consecutiveFailures).toBe(1);
    expect(t.lastError).toBe("connection refused");
    expect(t.nextScrapeAt.getTime() - t.lastScrapeAt!.getTime()).toBeGreaterThanOrEqual(10_000 - 50);
  });

  it("refuses a duplicate target (409) and a URL that is not http(s) (422)", async () => {
    const url = `${sim.url}/hosts/ams1-r02-n02/metrics`;
    expect((await call(targets.POST, { token: op, json: { url, intervalSeconds: 30 } })).status).toBe(201);
    expect((await call(targets.POST, { token: op, json: { url, intervalSeconds: 30 } })).status).toBe(409);
    expect(
      (await call(targets.POST, { token: op, json: { url: "ftp://x/metrics", intervalSeconds: 30 } })).status,
    ).toBe(422);
  });
});

/** A loopback server answering every request with `handler`. */
async function serve(handler: http.RequestListener, host = "127.0.0.1") {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { url: `http://${host}:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function scrapeOnce(url: string) {
  await call(targets.POST, { token: op, json: { url, intervalSeconds: 30 } });
  const scraper = createScraper();
  await scraper.tick();
  await scraper.drain();
  return db.scrapeTarget.findUniqueOrThrow({ where: { url } });
}

describe("scrape targets under the network allow-list", () => {
  afterAll(() => allow(["127.0.0.0/8", "10.0.0.0/8"]));

  it("is an admin's to change, validated and audited", async () => {
    expect((await call(networks.PUT, { token: op, json: { allowed: ["0.0.0.0/0"] } })).status).toBe(403);
    const bad = await call(networks.PUT, { token: admin, json: { allowed: ["10.0.0.0/33", "example.com"] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("unprocessable_entity");
    expect((await call(networks.GET, { token: op })).body).toEqual({ allowed: ["127.0.0.0/8", "10.0.0.0/8"] });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "telemetry.scrape_networks_update" },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toEqual({ allowed: ["127.0.0.0/8", "10.0.0.0/8"] });
  });

  it("refuses loopback and the metadata address by default: a literal when added, a name when it resolves", async () => {
    await allow(["10.0.0.0/8", "192.168.0.0/16"]);
    for (const url of [
      "http://127.0.0.1:9400/metrics",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]:9400/metrics",
    ]) {
      const res = await call(targets.POST, { token: op, json: { url, intervalSeconds: 30 } });
      expect(res.status).toBe(422);
      expect(res.body.error.message).toMatch(/is not in the allowed scrape networks/);
    }
    const t = await scrapeOnce(`http://localhost:${new URL(sim.url).port}/hosts/ams1-r02-n03/metrics`);
    expect(t.lastError).toMatch(/^refused: (127\.0\.0\.1|::1) is not in the allowed scrape networks$/);
    expect(t.lastSamples).toBeNull();
  });

  it("does not follow a redirect off the allowed networks", async () => {
    await allow(["127.0.0.1/32"]);
    const inside = await serve((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.2:${new URL(sim.url).port}/hosts/ams1-r02-n04/metrics` });
      res.end();
    });
    try {
      const t = await scrapeOnce(`${inside.url}/metrics`);
      expect(t.lastError).toBe("refused: 127.0.0.2 is not in the allowed scrape networks");
    } finally {
      inside.close();
    }
  });

  it("never stores what a failing target answered", async () => {
    const secret = "password=hunter2 at db-internal:5432";
    const leaky = await serve((_req, res) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(secret);
    });
    try {
      const t = await scrapeOnce(`${leaky.url}/metrics`);
      expect(t.lastError).toBe("HTTP 500");
      const listed = await call(targets.GET, { token: op });
      expect(JSON.stringify(listed.body)).not.toContain("hunter2");
    } finally {
      leaky.close();
    }
  });
});
