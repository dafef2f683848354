import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as metrics from "../../../app/api/metrics/route";
import { resetConfig } from "../../../lib/config";
import { seedDemoFleet } from "../../../lib/seed/demo-fleet";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let viewer: string;
beforeAll(async () => {
  viewer = (await tokensByRole()).viewer;
  await seedDemoFleet();
});
afterEach(() => {
  delete process.env.RACKMIND_METRICS_PUBLIC;
  resetConfig();
});

const GET = (req: Request) => metrics.GET(req);

describe("GET /api/metrics", () => {
  it("needs a token by default", async () => {
    expect((await call(GET)).status).toBe(401);
  });

  it("exposes fleet counts in Prometheus text format, prefixed rackmind_", async () => {
    const res = await call(GET, { token: viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body as string;
    expect(text).toMatch(/^# TYPE rackmind_servers gauge$/m);
    expect(text).toMatch(/^rackmind_servers\{status="active"\} 59$/m);
    expect(text).toMatch(/^rackmind_servers\{status="maintenance"\} 2$/m);
    expect(text).toMatch(/^rackmind_gpus\{health="failed"\} 2$/m);
    expect(text).toMatch(/^rackmind_gpus_by_model\{model="NVIDIA L40S"\} 128$/m);
    expect(text).toMatch(/^rackmind_sites 2$/m);
    for (const line of text.split("\n").filter((l) => l && !l.startsWith("#"))) expect(line).toMatch(/^rackmind_/);
  });

  it("answers without a token when RACKMIND_METRICS_PUBLIC=1", async () => {
    process.env.RACKMIND_METRICS_PUBLIC = "1";
    resetConfig();
    expect((await call(GET)).status).toBe(200);
  });
});
