import { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";

/** Telemetry settings an operator can change (PUT /api/v1/telemetry/settings). */
export const TelemetrySettings = z
  .object({
    rawRetentionDays: z.number().int().min(1).max(90).default(7),
    rollup1mRetentionDays: z.number().int().min(1).max(400).default(35),
    rollup1hRetentionDays: z.number().int().min(1).max(3650).default(400),
    /** GPU temperature above which a GPU is degraded, °C. */
    degradedTempC: z.number().min(40).max(120).default(87),
    /** How long power-cap throttling must last before a GPU is degraded, minutes. */
    throttleSustainMinutes: z.number().int().min(1).max(120).default(5),
    /** Register GPUs that report in from a known server but are not in the inventory. */
    autoRegisterGpus: z.boolean().default(false),
    /**
     * A GPU with no sample for longer than this is stale: shown as "no data"
     * beside its last known health, and not placed by the scheduler. Five
     * minutes is ten missed scrapes at dcgm-exporter's usual 30 s.
     */
    staleAfterMinutes: z.number().int().min(1).max(1440).default(5),
    /** Let the scheduler place jobs on healthy GPUs that are stale or never reported (a fleet without telemetry). */
    placeOnStaleGpus: z.boolean().default(false),
    /** The worker feeds simulated dcgm pages for the demo fleet (the seed turns it on; real fleets leave it off). */
    demoTelemetry: z.boolean().default(false),
  })
  .meta({ id: "TelemetrySettings" });
export type TelemetrySettings = z.infer<typeof TelemetrySettings>;

export const UpdateTelemetrySettings = TelemetrySettings.partial().meta({ id: "UpdateTelemetrySettings" });

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

export async function updateTelemetrySettings(input: z.infer<typeof UpdateTelemetrySettings>, actor: Principal): Promise<TelemetrySettings> {
  const next = TelemetrySettings.parse({ ...(await getTelemetrySettings()), ...input });
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: next, updatedBy: actor.name }, update: { value: next, updatedBy: actor.name } });
    await recordAudit(tx, actor, { action: "telemetry.settings_update", target: "settings:telemetry", details: input });
  });
  cached = { value: next, at: Date.now() };
  return next;
}
