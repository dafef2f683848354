import { db } from "../../db";
import { recordAudit } from "../../audit/events";
import { systemPrincipal } from "../../auth/principal";
import type { DcgmSample } from "../dcgm/parser";

type Candidate = {
  uuid: string;
  hostname: string;
  index: number;
  model: string;
  pciBusId: string | null;
  memoryMiB: number;
};

// dcgm reports framebuffer memory in MiB split into free, used and reserved.
const MEMORY_FIELDS = new Set(["DCGM_FI_DEV_FB_FREE", "DCGM_FI_DEV_FB_USED", "DCGM_FI_DEV_FB_RESERVED"]);

/** One candidate per unknown UUID whose labels say enough to register it. */
export function candidatesFrom(unknown: DcgmSample[]): Candidate[] {
  const byUuid = new Map<string, Candidate>();
  for (const s of unknown) {
    const { UUID: uuid, Hostname: hostname, gpu } = s.labels;
    if (!uuid || !hostname || gpu === undefined || !/^\d+$/.test(gpu)) continue;
    const c = byUuid.get(uuid) ?? {
      uuid,
      hostname,
      index: Number(gpu),
      model: s.labels.modelName || "unknown",
      pciBusId: s.labels.pci_bus_id || null,
      memoryMiB: 0,
    };
    if (MEMORY_FIELDS.has(s.metric) && Number.isFinite(s.value)) c.memoryMiB += s.value;
    byUuid.set(uuid, c);
  }
  return [...byUuid.values()];
}

/**
 * Registers GPUs that report in from a server the inventory knows (turned on by
 * the autoRegisterGpus setting). GPUs of unknown servers stay unknown: a server
 * needs a rack position that telemetry cannot tell. Returns how many were added.
 */
export async function autoRegisterGpus(unknown: DcgmSample[]): Promise<number> {
  const candidates = candidatesFrom(unknown);
  if (candidates.length === 0) return 0;
  return db.$transaction(async (tx) => {
    const servers = await tx.server.findMany({
      where: { hostname: { in: [...new Set(candidates.map((c) => c.hostname))] } },
      select: { id: true, hostname: true },
    });
    const serverId = new Map(servers.map((s) => [s.hostname, s.id]));
    const data = candidates.flatMap((c) => {
      const id = serverId.get(c.hostname);
      return id
        ? [
            {
              uuid: c.uuid,
              serverId: id,
              index: c.index,
              model: c.model,
              memoryMiB: Math.round(c.memoryMiB),
              pciBusId: c.pciBusId,
            },
          ]
        : [];
    });
    // skipDuplicates: a racing ingester may have added the same GPU, or the index is taken.
    const { count } = await tx.gpu.createMany({ data, skipDuplicates: true });
    if (count > 0) {
      await recordAudit(tx, systemPrincipal, {
        action: "gpu.auto_register",
        target: "gpu:*",
        details: { gpus: data.map((d) => d.uuid) },
      });
    }
    return count;
  });
}
