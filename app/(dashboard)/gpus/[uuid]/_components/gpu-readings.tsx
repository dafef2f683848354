import type { ReactNode } from "react";
import { tempColour } from "@/components/ui/heat-scale";
import { formatCount, formatPct, formatTempC, formatWatts } from "@/components/ui/readings";
import type { GpuOut } from "@/lib/inventory/schemas";

function Meter({ share, colour }: { share: number; colour: string }) {
  return (
    <div className="mt-2 h-1 overflow-hidden rounded-full bg-slate-800" aria-hidden>
      <div
        className="h-full rounded-full"
        style={{ width: `${Math.min(100, Math.max(0, share * 100))}%`, backgroundColor: colour }}
      />
    </div>
  );
}

function Reading({
  label,
  value,
  unit,
  hint,
  testId,
  children,
}: {
  label: string;
  value: string | null;
  unit?: string;
  hint?: ReactNode;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <div className="rounded-md border border-slate-800 bg-slate-950/40 px-3 py-2.5" data-testid={testId}>
      <p className="text-[10px] font-medium uppercase tracking-wider text-slate-500">{label}</p>
      <p className="mt-1 font-mono text-xl font-semibold tabular-nums text-slate-50">
        {value ?? <span className="text-slate-600">—</span>}
        {value !== null && unit && <span className="ml-1 text-xs font-normal text-slate-400">{unit}</span>}
      </p>
      {hint && <p className="mt-0.5 text-[11px] text-slate-500">{hint}</p>}
      {children}
    </div>
  );
}

// The value and its unit apart, so the number can be large and the unit small.
function split(formatted: string): [string, string] {
  const at = formatted.lastIndexOf(" ");
  return [formatted.slice(0, at), formatted.slice(at + 1)];
}

/** The newest value of each headline field, as tiles with a meter where a maximum is known. */
export function GpuReadings({ gpu, degradedTempC }: { gpu: GpuOut; degradedTempC: number }) {
  const [util, utilUnit] = gpu.utilPct === null ? [null, ""] : split(formatPct(gpu.utilPct));
  const [temp, tempUnit] = gpu.tempC === null ? [null, ""] : split(formatTempC(gpu.tempC));
  const [power, powerUnit] = gpu.powerW === null ? [null, ""] : split(formatWatts(gpu.powerW));
  const memShare = gpu.memUsedMiB === null ? null : gpu.memUsedMiB / gpu.memoryMiB;
  const hasXid = gpu.xid !== null && gpu.xid !== 0;
  return (
    <div className="grid grid-cols-2 gap-2.5 sm:grid-cols-3 xl:grid-cols-5">
      <Reading label="Utilisation" value={util} unit={utilUnit} testId="reading-util">
        {gpu.utilPct !== null && <Meter share={gpu.utilPct / 100} colour="rgb(56 189 248)" />}
      </Reading>
      <Reading
        label="Memory used"
        value={gpu.memUsedMiB === null ? null : formatCount(gpu.memUsedMiB)}
        unit="MiB"
        hint={`of ${formatCount(gpu.memoryMiB)} MiB${memShare === null ? "" : ` · ${Math.round(memShare * 100)} %`}`}
        testId="reading-memory"
      >
        {memShare !== null && <Meter share={memShare} colour="rgb(167 139 250)" />}
      </Reading>
      <Reading
        label="Temperature"
        value={temp}
        unit={tempUnit}
        hint={`degraded > ${degradedTempC} °C`}
        testId="reading-temp"
      >
        {gpu.tempC !== null && <Meter share={gpu.tempC / degradedTempC} colour={tempColour(gpu.tempC)} />}
      </Reading>
      <Reading label="Power" value={power} unit={powerUnit} testId="reading-power" />
      <Reading
        label="Last XID"
        value={gpu.xid === null ? null : hasXid ? String(gpu.xid) : "none"}
        hint={
          gpu.xid === null ? undefined : hasXid ? (
            <span className="text-rose-300">driver-reported error</span>
          ) : (
            "no XID error reported"
          )
        }
        testId="reading-xid"
      />
    </div>
  );
}
