import { useTranslations } from "next-intl";

/**
 * How full a rack is, as "28 / 42U" over a bar. Amber from 90 % up: a rack that
 * full rarely takes another multi-U server.
 */
export function UnitsBar({ usedU, heightU }: { usedU: number; heightU: number }) {
  const t = useTranslations("racks");
  const share = heightU > 0 ? Math.min(1, usedU / heightU) : 0;
  return (
    <div className="min-w-32" title={t("unitsUsed", { usedU, heightU })}>
      <p className="mb-1 font-mono text-[12px] tabular-nums text-slate-200">
        {usedU} <span className="text-slate-500">/ {heightU}U</span>
      </p>
      <div className="h-1.5 overflow-hidden rounded-full bg-slate-800" aria-hidden>
        <div
          className={`h-full rounded-full ${share >= 0.9 ? "bg-amber-400" : "bg-emerald-500/80"}`}
          style={{ width: `${share * 100}%` }}
        />
      </div>
    </div>
  );
}
