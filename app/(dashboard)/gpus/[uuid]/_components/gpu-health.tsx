import type { ReactNode } from "react";
import { GpuHealthBadge } from "@/components/ui/gpu-health-badge";
import { UtcTime } from "@/components/ui/utc-time";
import type { GpuOut } from "@/lib/inventory/schemas";
import { drainXids } from "@/lib/telemetry/health-rules";
import type { TelemetrySettings } from "@/lib/telemetry/settings";

function Rule({ state, children }: { state: ReactNode; children: ReactNode }) {
  return (
    <li className="flex gap-2">
      <span className="w-16 shrink-0">{state}</span>
      <span>{children}</span>
    </li>
  );
}

function xidList(): string {
  const xids = Object.keys(drainXids);
  return xids.length > 1 ? `${xids.slice(0, -1).join(", ")} or ${xids.at(-1)}` : (xids[0] ?? "");
}

/**
 * The GPU's health with its reason and since when, and the rules that set it,
 * with this installation's thresholds, so "degraded" never needs looking up.
 */
export function GpuHealth({ gpu, settings }: { gpu: GpuOut; settings: Pick<TelemetrySettings, "degradedTempC" | "throttleSustainMinutes"> }) {
  const tone = gpu.health === "failed" ? "border-rose-500/30 bg-rose-500/5" : gpu.health === "degraded" ? "border-amber-500/30 bg-amber-500/5" : "border-slate-800 bg-slate-950/40";
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className={`rounded-md border px-3 py-2.5 text-[13px] ${tone}`}>
        <GpuHealthBadge health={gpu.health} />
        <p className="mt-1.5 text-slate-100">{gpu.healthReason ?? (gpu.health === "healthy" ? "No XID, ECC or thermal problem reported." : "No reason was recorded.")}</p>
        <p className="mt-1 text-xs text-slate-400">
          {gpu.healthChangedAt ? (
            <>
              Since <UtcTime iso={gpu.healthChangedAt} />
            </>
          ) : (
            "Unchanged since the GPU was registered."
          )}
        </p>
      </div>
      <ul className="space-y-1 text-xs text-slate-400" aria-label="Health rules">
        <Rule state={<span className="text-rose-300">failed</span>}>XID {xidList()}, or a failed or uncorrectable row remap. Stays failed until cleared by hand.</Rule>
        <Rule state={<span className="text-amber-300">degraded</span>}>
          hotter than {settings.degradedTempC} °C, or power-cap throttling for {settings.throttleSustainMinutes} min.
        </Rule>
      </ul>
    </div>
  );
}
