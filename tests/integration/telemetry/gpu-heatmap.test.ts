import { beforeAll, describe, expect, it } from "vitest";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { getFleetHeatmap } from "../../../lib/telemetry/views/gpu-heatmap";
import { buildFleet } from "../../support/job-fleet";

let gpus: Map<string, string[]>;
const now = new Date();

beforeAll(async () => {
  gpus = await buildFleet(
    "ams",
    [
      {
        name: "r1",
        servers: [
          { hostname: "a1", gpus: 2 },
          { hostname: "a2", gpus: 1 },
        ],
      },
      { name: "r2", servers: [{ hostname: "b1", gpus: 2 }] },
    ],
    { telemetry: "silent" },
  );
  const line = (host: string, i: number, field: string, v: number) =>
    `${field}{gpu="${i}",UUID="${gpus.get(host)![i]}",Hostname="${host}"} ${v}`;
  await ingestDcgm(
    [
      line("a1", 0, "DCGM_FI_DEV_GPU_TEMP", 61.4),
      line("a1", 0, "DCGM_FI_DEV_GPU_UTIL", 97),
      line("a1", 1, "DCGM_FI_DEV_GPU_TEMP", 45),
      line("b1", 1, "DCGM_FI_DEV_GPU_UTIL", 12),
    ].join("\n") + "\n",
    now,
  );
  // a2 reported, but 20 minutes ago: stale, so no data rather than its old reading.
  await ingestDcgm(`${line("a2", 0, "DCGM_FI_DEV_GPU_TEMP", 80)}\n`, new Date(now.getTime() - 20 * 60_000));
});

describe("the fleet heat map", () => {
  it("lists every GPU by rack and server with its fresh readings, a silent or stale one as no data", async () => {
    const heat = await getFleetHeatmap(now);
    expect(heat).toMatchObject({ gpus: 5, reporting: 3, staleAfterMinutes: 5 });
    expect(heat.racks.map((r) => [r.site, r.rack, r.servers])).toEqual([
      [
        "ams",
        "r1",
        [
          { hostname: "a2", gpus: 1 },
          { hostname: "a1", gpus: 2 },
        ],
      ],
      ["ams", "r2", [{ hostname: "b1", gpus: 2 }]],
    ]);
    // Servers top of the rack first (a2 sits above a1).
    expect(heat.racks[0]!.tempC).toEqual([null, 61, 45]);
    expect(heat.racks[0]!.utilPct).toEqual([null, 97, null]);
    expect(heat.racks[1]!.tempC).toEqual([null, null]);
    expect(heat.racks[1]!.utilPct).toEqual([null, 12]);
  });
});
