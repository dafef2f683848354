import type { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import { TelemetrySettings, UpdateTelemetrySettings } from "./schemas";

// The schemas live in ./schemas.ts (zod only), so the settings form can check
// a change with them in the browser; re-exported for the callers that read them here.
export { TelemetrySettings, UpdateTelemetrySettings };

const KEY = "telemetry";
let cached: { value: TelemetrySettings; at: number } | null = null;

/** Current settings (defaults for anything never set), cached for a few seconds per process. */
export async function getTelemetrySettings(): Promise<TelemetrySettings> {
  if (cached && Date.now() - cached.at < 5_000) return cached.value;
  const row = await db.setting.findUnique({ where: { key: KEY } });
  const value = TelemetrySettings.parse(row?.value ?? {});
  cached = { value, at: Date.now() };
  return value;
}

export async function updateTelemetrySettings(
  input: z.infer<typeof UpdateTelemetrySettings>,
  actor: Principal,
): Promise<TelemetrySettings> {
  const next = TelemetrySettings.parse({ ...(await getTelemetrySettings()), ...input });
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: KEY },
      create: { key: KEY, value: next, updatedBy: actor.name },
      update: { value: next, updatedBy: actor.name },
    });
    await recordAudit(tx, actor, { action: "telemetry.settings_update", target: "settings:telemetry", details: input });
  });
  cached = { value: next, at: Date.now() };
  return next;
}
