import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { tempColour } from "@/components/ui/heat-scale";
import { formatNumber, formatPct, formatTempC, formatWatts } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
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
  const t = useTranslations("gpus.readings");
  const locale = asLocale(useLocale());
  const [util, utilUnit] = gpu.utilPct === null ? [null, ""] : split(formatPct(gpu.utilPct, locale));
  const [temp, tempUnit] = gpu.tempC === null ? [null, ""] : split(formatTempC(gpu.tempC, locale));
  const [power, powerUnit] = gpu.powerW === null ? [null, ""] : split(formatWatts(gpu.powerW, locale));
  const memShare = gpu.memUsedMiB === null ? null : gpu.memUsedMiB / gpu.memoryMiB;
  const memTotal = formatNumber(gpu.memoryMiB, locale);
  const hasXid = gpu.xid !== null && gpu.xid !== 0;
  return (
    <div className="grid grid-cols-2 gap-2.5 sm:grid-cols-3 xl:grid-cols-5">
      <Reading label={t("utilisation")} value={util} unit={utilUnit} testId="reading-util">
        {gpu.utilPct !== null && <Meter share={gpu.utilPct / 100} colour="rgb(56 189 248)" />}
      </Reading>
      <Reading
        label={t("memoryUsed")}
        value={gpu.memUsedMiB === null ? null : formatNumber(gpu.memUsedMiB, locale)}
        unit="MiB"
        hint={
          memShare === null
            ? t("memoryOf", { total: memTotal })
            : t("memoryOfShare", { total: memTotal, share: formatPct(memShare * 100, locale) })
        }
        testId="reading-memory"
      >
        {memShare !== null && <Meter share={memShare} colour="rgb(167 139 250)" />}
      </Reading>
      <Reading
        label={t("temperature")}
        value={temp}
        unit={tempUnit}
        hint={t("degradedAbove", { temp: formatTempC(degradedTempC, locale) })}
        testId="reading-temp"
      >
        {gpu.tempC !== null && <Meter share={gpu.tempC / degradedTempC} colour={tempColour(gpu.tempC)} />}
      </Reading>
      <Reading label={t("power")} value={power} unit={powerUnit} testId="reading-power" />
      <Reading
        label={t("lastXid")}
        value={gpu.xid === null ? null : hasXid ? String(gpu.xid) : t("none")}
        hint={
          gpu.xid === null ? undefined : hasXid ? <span className="text-rose-300">{t("driverError")}</span> : t("noXid")
        }
        testId="reading-xid"
      />
    </div>
  );
}
