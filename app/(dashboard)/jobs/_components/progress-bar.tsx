import { useTranslations } from "next-intl";

/** Epochs done of epochs planned, as an accessible progress bar (what the e2e test watches reach 100%). */
export function ProgressBar({
  epoch,
  epochs,
  label,
  isCompact = false,
}: {
  epoch: number;
  epochs: number;
  /** The accessible name; "Training progress" in the reader's language when left out. */
  label?: string;
  isCompact?: boolean;
}) {
  const t = useTranslations("jobs.progress");
  const pct = epochs > 0 ? Math.min(100, Math.round((epoch / epochs) * 100)) : 0;
  return (
    <div className="flex min-w-24 items-center gap-2">
      <div
        role="progressbar"
        aria-label={label ?? t("label")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={t("valueText", { pct, epoch, epochs })}
        className={`flex-1 overflow-hidden rounded-full bg-slate-800 ${isCompact ? "h-1.5" : "h-2.5"}`}
      >
        <div
          className={`h-full rounded-full transition-[width] duration-300 ${pct === 100 ? "bg-emerald-500" : "bg-violet-500"}`}
          style={{ width: `${pct}%` }}
        />
      </div>
      <span className="w-10 text-right font-mono text-[11px] tabular-nums text-slate-400">{pct}%</span>
    </div>
  );
}
