import { systemPrincipal } from "../../lib/auth/principal";
import { createGpu } from "../../lib/inventory/gpus";
import { createRack } from "../../lib/inventory/racks";
import { createServer } from "../../lib/inventory/server-changes";
import { createSite } from "../../lib/inventory/sites";
import type { RunDispatcher } from "../../lib/jobs/queue/run-queue";
import { ingestDcgm } from "../../lib/telemetry/ingest";

export type FleetServer = {
  hostname: string;
  gpus: number;
  model?: string;
  memoryMiB?: number;
  status?: "active" | "maintenance" | "retired";
};
export type FleetRack = { name: string; powerCapKw?: number; servers: FleetServer[] };

/** GPU uuids that read well in failures: GPU-<n>-…, in creation order. */
const gpuUuid = (n: number) => `GPU-${String(n).padStart(8, "0")}-0000-4000-8000-000000000000`;

/**
 * Each GPU reports a cool temperature now, through real ingest: the scheduler
 * places only GPUs whose telemetry is recent. (A temperature, not power: power
 * readings would change what the rack power caps leave room for.)
 */
export async function reportTelemetry(byHost: Map<string, string[]>, at = new Date()): Promise<void> {
  const lines = [...byHost].flatMap(([hostname, uuids]) =>
    uuids.map((uuid, i) => `DCGM_FI_DEV_GPU_TEMP{gpu="${i}",UUID="${uuid}",Hostname="${hostname}"} 40`),
  );
  if (lines.length) await ingestDcgm(`${lines.join("\n")}\n`, at);
}

/**
 * A small fleet built through the inventory services: one site, the given
 * racks and servers, every GPU reporting telemetry (`telemetry: "silent"` for
 * a fleet that never reported). Returns each server's GPU uuids in index order.
 */
export async function buildFleet(
  site: string,
  racks: FleetRack[],
  opts: { telemetry?: "reporting" | "silent" } = {},
): Promise<Map<string, string[]>> {
  await createSite({ name: site, currency: "USD", timezone: "UTC" }, systemPrincipal);
  const byHost = new Map<string, string[]>();
  let n = 0;
  for (const rack of racks) {
    await createRack({ site, name: rack.name, heightU: 42, powerCapKw: rack.powerCapKw }, systemPrincipal);
    for (const [i, s] of rack.servers.entries()) {
      await createServer(
        {
          hostname: s.hostname,
          rack: `${site}/${rack.name}`,
          positionU: 1 + i * 2,
          heightU: 2,
          status: s.status ?? "active",
        },
        systemPrincipal,
      );
      const uuids: string[] = [];
      for (let g = 0; g < s.gpus; g++) {
        const uuid = gpuUuid(++n);
        await createGpu(
          {
            uuid,
            hostname: s.hostname,
            index: g,
            model: s.model ?? "NVIDIA H100 80GB HBM3",
            memoryMiB: s.memoryMiB ?? 81559,
          },
          systemPrincipal,
        );
        uuids.push(uuid);
      }
      byHost.set(s.hostname, uuids);
    }
  }
  if (opts.telemetry !== "silent") await reportTelemetry(byHost);
  return byHost;
}

/** A dispatcher that only records: placement tests check decisions, not delivery. */
export function recordingDispatcher(): RunDispatcher & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    dispatch: async (_tx, jobId) => {
      sent.push(jobId);
      return true;
    },
  };
}
