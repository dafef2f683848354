import type { z } from "zod";
import { db } from "../db";
import { writeSettings } from "../settings/stored-settings";
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
  await writeSettings(KEY, next, actor, { action: "telemetry.settings_update", details: input });
  cached = { value: next, at: Date.now() };
  return next;
}
