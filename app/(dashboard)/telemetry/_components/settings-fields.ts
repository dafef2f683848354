import type { TelemetrySettings } from "@/lib/telemetry/schemas";

// The telemetry settings as the page presents them: label, unit and what each
// one does. Types and limits come from lib/telemetry/schemas.ts, which the form
// checks with before PUT /api/v1/telemetry/settings checks again.

type KeysOf<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];
export type NumericSettingKey = KeysOf<TelemetrySettings, number>;
export type SwitchSettingKey = KeysOf<TelemetrySettings, boolean>;

export const numericSettings: { key: NumericSettingKey; label: string; unit: string; help: string }[] = [
  {
    key: "rawRetentionDays",
    label: "Raw samples kept",
    unit: "days",
    help: "every sample as received; charts up to a few hours use these",
  },
  {
    key: "rollup1mRetentionDays",
    label: "1-minute rollups kept",
    unit: "days",
    help: "min/max/avg per minute, for day-long charts",
  },
  {
    key: "rollup1hRetentionDays",
    label: "1-hour rollups kept",
    unit: "days",
    help: "min/max/avg per hour, for week-long and longer charts",
  },
  { key: "degradedTempC", label: "Degraded above", unit: "°C", help: "a GPU hotter than this is marked degraded" },
  {
    key: "throttleSustainMinutes",
    label: "Throttling sustained for",
    unit: "min",
    help: "power-cap throttling this long marks a GPU degraded",
  },
  {
    key: "staleAfterMinutes",
    label: "Stale after",
    unit: "min",
    help: "a GPU silent this long shows as “no data” beside its last known health",
  },
];

export const switchSettings: { key: SwitchSettingKey; label: string; help: string }[] = [
  {
    key: "autoRegisterGpus",
    label: "Auto-register GPUs",
    help: "register GPUs that report from a known server but are missing from the inventory",
  },
  {
    key: "placeOnStaleGpus",
    label: "Place jobs on stale GPUs",
    help: "off: the scheduler passes over GPUs with no recent telemetry, as it does degraded ones",
  },
  {
    key: "demoTelemetry",
    label: "Demo telemetry",
    help: "the worker feeds simulated dcgm pages for the demo fleet every 15 s; turn off for a real fleet",
  },
];
