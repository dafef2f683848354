import { createHash } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";

/**
 * The demo fleet as plain data: two sites, eight racks, ~60 servers and ~270
 * GPUs of real models, laid out as real racks would be. Deterministic (ids are
 * derived from names) so seeding twice writes the same rows.
 */

type ServerKind = { model: string; heightU: number; gpuModel: string; gpuMemoryMiB: number; gpus: number };

const kinds = {
  hgxH100: {
    model: "Supermicro SYS-821GE-TNHR",
    heightU: 8,
    gpuModel: "NVIDIA H100 80GB HBM3",
    gpuMemoryMiB: 81559,
    gpus: 8,
  },
  l40s: { model: "Dell PowerEdge R760xa", heightU: 2, gpuModel: "NVIDIA L40S", gpuMemoryMiB: 46068, gpus: 4 },
  dgxA100: { model: "NVIDIA DGX A100", heightU: 6, gpuModel: "NVIDIA A100-SXM4-40GB", gpuMemoryMiB: 40960, gpus: 8 },
  l40sSmall: { model: "HPE ProLiant DL380a Gen11", heightU: 2, gpuModel: "NVIDIA L40S", gpuMemoryMiB: 46068, gpus: 2 },
} satisfies Record<string, ServerKind>;

const sites = [
  {
    name: "ams1",
    tariffPerKwh: "0.21000",
    currency: "EUR",
    carbonGPerKwh: "328.000",
    timezone: "Europe/Amsterdam",
    racks: [
      ["hgxH100", 4, 40],
      ["hgxH100", 4, 40],
      ["l40s", 10, 20],
      ["l40s", 10, 20],
    ],
  },
  {
    name: "pdx1",
    tariffPerKwh: "0.07200",
    currency: "USD",
    carbonGPerKwh: "180.000",
    timezone: "America/Los_Angeles",
    racks: [
      ["dgxA100", 5, 30],
      ["dgxA100", 5, 30],
      ["l40sSmall", 12, 15],
      ["l40sSmall", 12, 15],
    ],
  },
] as const;

export function stableUuid(key: string): string {
  const h = createHash("sha256").update(`rackmind-demo:${key}`).digest("hex");
  // RFC 4122 layout with version 5 and variant bits, so it looks like any uuid.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type DemoFleet = ReturnType<typeof planDemoFleet>;

export function planDemoFleet() {
  const siteRows: Prisma.SiteCreateManyInput[] = [];
  const rackRows: Prisma.RackCreateManyInput[] = [];
  const serverRows: Prisma.ServerCreateManyInput[] = [];
  const gpuRows: (Prisma.GpuCreateManyInput & { health: "healthy" | "degraded" | "failed" })[] = [];
  for (const site of sites) {
    const siteId = stableUuid(`site:${site.name}`);
    siteRows.push({
      id: siteId,
      name: site.name,
      tariffPerKwh: site.tariffPerKwh,
      currency: site.currency,
      carbonGPerKwh: site.carbonGPerKwh,
      timezone: site.timezone,
    });
    site.racks.forEach(([kindName, count, capKw], r) => {
      const kind: ServerKind = kinds[kindName];
      const rackName = `${site.name}-r${String(r + 1).padStart(2, "0")}`;
      const rackId = stableUuid(`rack:${rackName}`);
      rackRows.push({ id: rackId, siteId, name: rackName, heightU: 42, powerCapKw: `${capKw}.000` });
      // Leave U1-U2 for the top-of-rack switch and PDUs, then stack upwards.
      for (let s = 0; s < count; s++) {
        const hostname = `${rackName}-n${String(s + 1).padStart(2, "0")}`;
        const serverId = stableUuid(`server:${hostname}`);
        serverRows.push({
          id: serverId,
          hostname,
          rackId,
          positionU: 3 + s * kind.heightU,
          heightU: kind.heightU,
          model: kind.model,
          serial: `SN${stableUuid(`serial:${hostname}`).replace(/-/g, "").slice(0, 10).toUpperCase()}`,
          status: demoStatus(hostname),
        });
        for (let g = 0; g < kind.gpus; g++) {
          const uuid = `GPU-${stableUuid(`gpu:${hostname}:${g}`)}`;
          gpuRows.push({
            id: stableUuid(`gpu-row:${hostname}:${g}`),
            uuid,
            serverId,
            index: g,
            model: kind.gpuModel,
            memoryMiB: kind.gpuMemoryMiB,
            pciBusId: `00000000:${(0x18 + g * 0x10).toString(16).toUpperCase().padStart(2, "0")}:00.0`,
            ...demoHealth(hostname, g),
          });
        }
      }
    });
  }
  return { sites: siteRows, racks: rackRows, servers: serverRows, gpus: gpuRows };
}

// A few imperfections make the demo look like a real fleet.
function demoStatus(hostname: string): "active" | "maintenance" | "retired" {
  if (hostname === "ams1-r03-n07" || hostname === "pdx1-r01-n05") return "maintenance";
  if (hostname === "pdx1-r04-n12") return "retired";
  return "active";
}

/** The catalogue values of the demo's seeded causes (states.health.<code>), by their English text. */
export const demoCauseParams: Record<string, { code: string; params: Record<string, string | number> }> = {
  "XID 79: GPU has fallen off the bus": { code: "xid", params: { xid: 79, meaning: "fallen_off_bus" } },
  "XID 48: double-bit ECC error": { code: "xid", params: { xid: 48, meaning: "double_bit_ecc" } },
  "temperature 91 °C above threshold 87 °C": { code: "temperature", params: { tempC: 91, thresholdC: 87 } },
};

function demoHealth(
  hostname: string,
  index: number,
): { health: "healthy" | "degraded" | "failed"; healthReason: string | null } {
  if (hostname === "ams1-r01-n02" && index === 5)
    return { health: "failed", healthReason: "XID 79: GPU has fallen off the bus" };
  if (hostname === "pdx1-r02-n03" && index === 1)
    return { health: "failed", healthReason: "XID 48: double-bit ECC error" };
  if (hostname === "ams1-r02-n04" && index === 2)
    return { health: "degraded", healthReason: "temperature 91 °C above threshold 87 °C" };
  return { health: "healthy", healthReason: null };
}
