import { db } from "../db";
import { recordAudit } from "../audit/events";
import { systemPrincipal } from "../auth/principal";
import { planDemoFleet } from "./demo-fleet-plan";

/**
 * Seeds the demo fleet when the fleet is empty. Idempotent: ids are derived from
 * names and rows are inserted with ON CONFLICT DO NOTHING, so a second run — or
 * two processes racing — leaves the same rows.
 */
export async function seedDemoFleet(): Promise<{ seeded: boolean; servers: number; gpus: number }> {
  if ((await db.site.count()) > 0) return { seeded: false, servers: 0, gpus: 0 };
  const fleet = planDemoFleet();
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.site.createMany({ data: fleet.sites, skipDuplicates: true });
    await tx.rack.createMany({ data: fleet.racks, skipDuplicates: true });
    await tx.server.createMany({ data: fleet.servers, skipDuplicates: true });
    await tx.gpu.createMany({
      data: fleet.gpus.map((g) => ({ ...g, healthChangedAt: g.health === "healthy" ? null : now })),
      skipDuplicates: true,
    });
    await recordAudit(tx, systemPrincipal, {
      action: "fleet.seed_demo",
      target: "fleet:demo",
      details: { sites: fleet.sites.length, racks: fleet.racks.length, servers: fleet.servers.length, gpus: fleet.gpus.length },
    });
  });
  return { seeded: true, servers: fleet.servers.length, gpus: fleet.gpus.length };
}
