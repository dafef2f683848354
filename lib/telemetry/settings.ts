import type { z } from "zod";
import { db } from "../db";
import { writeSettings } from "../settings/stored-settings";
import { can, permissions } from "../auth/permissions";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors";
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
  const current = await getTelemetrySettings();
  // The Prometheus URL is an address Rackmind fetches from, so it is the
  // admin's, like the scrape networks; an operator's form sending it back unchanged is fine.
  if (input.prometheusUrl !== undefined && input.prometheusUrl !== current.prometheusUrl) {
    if (!can(actor.role, "telemetry.networks"))
      throw new AppError(
        "forbidden",
        `Only the ${permissions["telemetry.networks"]} role may change prometheusUrl; you are ${actor.role}`,
      );
  }
  const next = TelemetrySettings.parse({ ...current, ...input });
  await writeSettings(KEY, next, actor, { action: "telemetry.settings_update", details: input });
  cached = { value: next, at: Date.now() };
  return next;
}
