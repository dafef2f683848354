import type { TelemetrySettings } from "@/lib/telemetry/settings";
import { numericSettings, switchSettings } from "./settings-fields";

/** The settings, read-only (viewers). */
export function SettingsList({ settings }: { settings: TelemetrySettings }) {
  return (
    <dl className="divide-y divide-slate-800/70 text-[13px]" data-testid="settings-list">
      {numericSettings.map((s) => (
        <div key={s.key} className="flex items-baseline justify-between gap-4 py-2">
          <dt>
            <span className="text-slate-200">{s.label}</span>
            <span className="block text-[11px] text-slate-500">{s.help}</span>
          </dt>
          <dd className="whitespace-nowrap font-mono tabular-nums text-slate-100">
            {settings[s.key]} <span className="text-slate-500">{s.unit}</span>
          </dd>
        </div>
      ))}
      {switchSettings.map((s) => (
        <div key={s.key} className="flex items-baseline justify-between gap-4 py-2">
          <dt>
            <span className="text-slate-200">{s.label}</span>
            <span className="block text-[11px] text-slate-500">{s.help}</span>
          </dt>
          <dd className="font-mono text-slate-100">{settings[s.key] ? "on" : "off"}</dd>
        </div>
      ))}
    </dl>
  );
}
