import type { z } from "zod";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import { db } from "../db";
import { FaultSettings, type UpdateFaultSettings } from "./schemas";

const KEY = "faults";

export async function getFaultSettings(): Promise<FaultSettings> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  const parsed = FaultSettings.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : FaultSettings.parse({});
}

export async function updateFaultSettings(
  input: z.infer<typeof UpdateFaultSettings>,
  actor: Principal,
): Promise<FaultSettings> {
  const next = FaultSettings.parse({ ...(await getFaultSettings()), ...input });
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: KEY },
      create: { key: KEY, value: next, updatedBy: actor.name },
      update: { value: next, updatedBy: actor.name },
    });
    await recordAudit(tx, actor, { action: "faults.settings_update", target: "settings:faults", details: input });
  });
  return next;
}
