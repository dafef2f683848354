import { getConfig } from "../config";
import { db, type Prisma } from "../db";
import type { HealthCause } from "../telemetry/health/health-rules";
import { recordAudit } from "../audit/events";
import { systemPrincipal } from "../auth/principal";
import { demoCauseParams, planDemoFleet } from "./demo-fleet-plan";

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
    await tx.gpu.createMany({ data: fleet.gpus.map((g) => seededHealth(g, now)), skipDuplicates: true });
    // The demo fleet reports simulated telemetry (worker/jobs/demo-telemetry.ts), so its
    // health is confirmed by telemetry and its jobs are placed like a real fleet's.
    if (getConfig().RACKMIND_DEMO_TELEMETRY === "1") {
      const current = await tx.setting.findUnique({ where: { key: "telemetry" } });
      const value = { ...((current?.value as Record<string, unknown> | null) ?? {}), demoTelemetry: true };
      await tx.setting.upsert({
        where: { key: "telemetry" },
        create: { key: "telemetry", value, updatedBy: "system" },
        update: { value, updatedBy: "system" },
      });
    }
    await recordAudit(tx, systemPrincipal, {
      action: "fleet.seed_demo",
      target: "fleet:demo",
      details: {
        sites: fleet.sites.length,
        racks: fleet.racks.length,
        servers: fleet.servers.length,
        gpus: fleet.gpus.length,
      },
    });
  });
  return { seeded: true, servers: fleet.servers.length, gpus: fleet.gpus.length };
}

type PlannedGpu = ReturnType<typeof planDemoFleet>["gpus"][number];

/** The plan's health as the seed's word: source "seed", its reason as the one cause, until telemetry says otherwise. */
function seededHealth(g: PlannedGpu, now: Date): Prisma.GpuCreateManyInput {
  const causes: HealthCause[] =
    g.health === "healthy" || !g.healthReason
      ? []
      : [
          {
            code: demoCauseParams[g.healthReason]?.code ?? "recorded",
            level: g.health,
            source: "seed",
            text: g.healthReason,
            params: demoCauseParams[g.healthReason]?.params,
          },
        ];
  return {
    ...g,
    healthSource: "seed",
    healthCauses: causes as unknown as Prisma.InputJsonValue,
    healthChangedAt: g.health === "healthy" ? null : now,
  };
}
