import type { TelemetrySettings } from "@/lib/telemetry/schemas";

// The telemetry settings as the page presents them, in order, with each one's
// unit. Their labels and help are the catalogue's (telemetry.settings.fields.<key>);
// types and limits come from lib/telemetry/schemas.ts, which the form checks
// with before PUT /api/v1/telemetry/settings checks again.

type KeysOf<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];
export type NumericSettingKey = KeysOf<TelemetrySettings, number>;
export type SwitchSettingKey = KeysOf<TelemetrySettings, boolean>;

/** The unit of a numeric setting, a key of telemetry.settings.units. */
export type SettingUnit = "days" | "celsius" | "minutes";

export const numericSettings: { key: NumericSettingKey; unit: SettingUnit }[] = [
  { key: "rawRetentionDays", unit: "days" },
  { key: "rollup1mRetentionDays", unit: "days" },
  { key: "rollup1hRetentionDays", unit: "days" },
  { key: "degradedTempC", unit: "celsius" },
  { key: "throttleSustainMinutes", unit: "minutes" },
  { key: "staleAfterMinutes", unit: "minutes" },
];

/** The help's placeholders for prometheusUrl: shown as code, the same in every language. */
export const prometheusUrlHelpValues = { example: "http://prometheus:9090", query: "source=prometheus" };

export const switchSettings: { key: SwitchSettingKey }[] = [
  { key: "autoRegisterGpus" },
  { key: "placeOnStaleGpus" },
  { key: "demoTelemetry" },
];
