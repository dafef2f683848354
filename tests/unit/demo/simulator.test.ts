import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDemoFleet } from "../../../lib/demo/demo-fleet-plan";
import { DCGM_DEFAULT_FIELDS } from "../../../lib/telemetry/dcgm/fields";
import { parseDcgmText } from "../../../lib/telemetry/dcgm/parser";
import { startSimulator, type RunningSimulator } from "../../../lib/demo/simulator";

const fleet = planDemoFleet();
const hostnameOf = new Map(fleet.servers.map((s) => [s.id, s.hostname]));
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, host: "127.0.0.1" });
});

afterAll(async () => {
  await simulator.close();
});

async function scrape(path: string) {
  const res = await fetch(`${simulator.url}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain; version=0.0.4");
  return parseDcgmText(await res.text());
}

describe("dcgm simulator", () => {
  it("serves every demo GPU with every default field on /metrics, and nothing the parser rejects", async () => {
    const { samples, rejected } = await scrape("/metrics");
    expect(rejected).toEqual([]);
    expect(samples).toHaveLength(fleet.gpus.length * DCGM_DEFAULT_FIELDS.length);
    for (const gpu of fleet.gpus) {
      const own = samples.filter((s) => s.labels.UUID === gpu.uuid);
      expect(own.map((s) => s.metric).sort()).toEqual(DCGM_DEFAULT_FIELDS.map((f) => f.name).sort());
      expect(own[0]!.labels).toMatchObject({
        gpu: String(gpu.index),
        device: `nvidia${gpu.index}`,
        modelName: gpu.model,
        Hostname: hostnameOf.get(gpu.serverId),
        pci_bus_id: gpu.pciBusId,
      });
    }
  });

  it("serves one node's GPUs on /hosts/<hostname>/metrics, as that node's exporter would", async () => {
    const { samples, rejected } = await scrape("/hosts/ams1-r01-n02/metrics");
    expect(rejected).toEqual([]);
    const uuids = fleet.gpus.filter((g) => hostnameOf.get(g.serverId) === "ams1-r01-n02").map((g) => g.uuid);
    expect(uuids).toHaveLength(8);
    expect(new Set(samples.map((s) => s.labels.UUID))).toEqual(new Set(uuids));
    expect(new Set(samples.map((s) => s.labels.Hostname))).toEqual(new Set(["ams1-r01-n02"]));
    expect(samples).toHaveLength(8 * DCGM_DEFAULT_FIELDS.length);
    const xid = samples.find((s) => s.metric === "DCGM_FI_DEV_XID_ERRORS" && s.labels.gpu === "5");
    expect(xid?.value).toBe(79);
  });

  it("answers 404 for a host it does not know and for other paths", async () => {
    expect((await fetch(`${simulator.url}/hosts/no-such-node/metrics`)).status).toBe(404);
    expect((await fetch(`${simulator.url}/nope`)).status).toBe(404);
  });

  it("lists its endpoints on /", async () => {
    const res = await fetch(`${simulator.url}/`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("/metrics");
    expect(body).toContain("/hosts/pdx1-r04-n12/metrics");
  });

  it("refuses methods other than GET and HEAD", async () => {
    expect((await fetch(`${simulator.url}/metrics`, { method: "POST", body: "x" })).status).toBe(405);
  });
});
