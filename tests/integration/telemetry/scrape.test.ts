import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as targets from "../../../app/api/v1/telemetry/targets/route";
import * as series from "../../../app/api/v1/gpus/[uuid]/series/route";
import { db } from "../../../lib/db";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { createScraper } from "../../../lib/telemetry/scrape/scraper";
import { startSimulator, type RunningSimulator } from "../../../lib/demo/simulator";
import { call } from "../../support/http";
import { freePort } from "../../support/launcher";
import { tokensByRole } from "../../support/principals";

let op: string;
let sim: RunningSimulator;
beforeAll(async () => {
  op = (await tokensByRole()).operator;
  await seedDemoFleet();
  sim = await startSimulator({ port: 0, host: "127.0.0.1" });
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
    expect(t.lastError).toMatch(/fetch failed|ECONNREFUSED/);
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
