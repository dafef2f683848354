import type { ReactNode } from "react";
import { GpuHealthBadge } from "@/components/ui/gpu-health-badge";
import { describeSilence } from "@/components/ui/telemetry-state-badge";
import { UtcTime } from "@/components/ui/utc-time";
import type { GpuOut, HealthCauseOut } from "@/lib/inventory/schemas";
import { drainXids } from "@/lib/telemetry/health/health-rules";
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

const sourceWords: Record<string, string> = {
  telemetry: "telemetry",
  operator: "set by an operator",
  seed: "demo data from the seed, not measured",
  inventory: "as registered in the inventory",
  unknown: "source not recorded",
};

/** Where one cause came from: the sample that showed it, or who said so. */
function CauseOrigin({ cause }: { cause: HealthCauseOut }) {
  if (cause.evidence) {
    return (
      <>
        {cause.evidence.field} = <span className="font-mono">{cause.evidence.value}</span> at{" "}
        <UtcTime iso={cause.evidence.at} />
      </>
    );
  }
  return <>{sourceWords[cause.source] ?? cause.source}</>;
}

function Causes({ causes }: { causes: HealthCauseOut[] }) {
  return (
    <ul className="mt-1.5 space-y-1.5" data-testid="health-causes">
      {causes.map((c, i) => (
        <li key={`${c.code}-${i}`}>
          <span className="text-slate-100">{c.text}</span>
          <span className="block text-[11px] text-slate-400">
            {c.level} · <CauseOrigin cause={c} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function HealthState({ gpu, nowMs }: { gpu: GpuOut; nowMs: number }) {
  const silence = describeSilence(gpu.telemetry, gpu.lastSeenAt, nowMs);
  const healthyText =
    gpu.healthSource === "operator"
      ? "Returned to service by an operator."
      : "No XID, ECC or thermal problem reported.";
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <GpuHealthBadge health={gpu.health} />
        {silence && (
          <span className="text-xs text-slate-300" data-testid="health-silence">
            last known · no telemetry: {silence}
          </span>
        )}
      </div>
      {gpu.healthCauses.length ? (
        <Causes causes={gpu.healthCauses} />
      ) : (
        <p className="mt-1.5 text-slate-100">
          {gpu.healthReason ?? (gpu.health === "healthy" ? healthyText : "No reason was recorded.")}
        </p>
      )}
      <p className="mt-1 text-xs text-slate-400" data-testid="health-source">
        {gpu.health === "healthy" && gpu.healthCauses.length === 0
          ? `Source: ${sourceWords[gpu.healthSource ?? "unknown"]}. `
          : ""}
        {gpu.healthChangedAt ? (
          <>
            Since <UtcTime iso={gpu.healthChangedAt} />
          </>
        ) : (
          "Unchanged since the GPU was registered."
        )}
      </p>
      {gpu.healthAck && (
        <p
          className="mt-2 rounded border border-slate-700 bg-slate-900/60 px-2 py-1.5 text-xs text-slate-300"
          data-testid="health-ack"
        >
          {gpu.healthAck.kind === "cleared" ? "Returned to service" : "Acknowledged"} by {gpu.healthAck.by} at{" "}
          <UtcTime iso={gpu.healthAck.at} />: “{gpu.healthAck.note}”
        </p>
      )}
    </>
  );
}

/**
 * The GPU's health with every cause and where each came from (the sample, or
 * who said so), whether telemetry still confirms it, an operator's note, and
 * the rules that set it with this installation's thresholds.
 */
export function GpuHealth({
  gpu,
  settings,
  nowMs,
  actions,
}: {
  gpu: GpuOut;
  settings: Pick<TelemetrySettings, "degradedTempC" | "throttleSustainMinutes" | "staleAfterMinutes">;
  nowMs: number;
  actions?: ReactNode;
}) {
  const tone =
    gpu.health === "failed"
      ? "border-rose-500/30 bg-rose-500/5"
      : gpu.health === "degraded"
        ? "border-amber-500/30 bg-amber-500/5"
        : "border-slate-800 bg-slate-950/40";
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className={`rounded-md border px-3 py-2.5 text-[13px] ${tone}`}>
        <HealthState gpu={gpu} nowMs={nowMs} />
        {actions}
      </div>
      <ul className="space-y-1 text-xs text-slate-400" aria-label="Health rules">
        <Rule state={<span className="text-rose-300">failed</span>}>
          XID {xidList()}, or a failed or uncorrectable row remap. Stays failed until an operator returns it to service.
        </Rule>
        <Rule state={<span className="text-amber-300">degraded</span>}>
          hotter than {settings.degradedTempC} °C, or power-cap throttling for {settings.throttleSustainMinutes} min.
        </Rule>
        <Rule state={<span className="text-slate-300">no data</span>}>
          no sample for {settings.staleAfterMinutes} min: the health shown is the last known, and the scheduler passes
          the GPU over.
        </Rule>
      </ul>
    </div>
  );
}
