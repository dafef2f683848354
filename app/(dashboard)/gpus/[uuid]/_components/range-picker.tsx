import Link from "next/link";
import { useTranslations } from "next-intl";
import { hrefWith } from "@/components/ui/pager";
import { chartParams, chartRanges, type ChartRange, type ChartSource } from "./chart-ranges";

/** Plain links (no JS): each range is its own URL, so a view can be shared or bookmarked. */
export function RangePicker({
  path,
  current,
  source = "rackmind",
}: {
  path: string;
  current: ChartRange;
  /** Kept when the range changes. */
  source?: ChartSource;
}) {
  const t = useTranslations("gpus");
  return (
    <nav aria-label={t("rangePicker")} className="inline-flex rounded-md border border-slate-700 bg-slate-950/60 p-0.5">
      {(Object.keys(chartRanges) as ChartRange[]).map((range) => {
        const isCurrent = range === current;
        return (
          <Link
            key={range}
            href={hrefWith(path, chartParams(range, source))}
            aria-current={isCurrent ? "page" : undefined}
            title={t("lastRange", { range: t(`ranges.${range}`) })}
            className={`rounded px-2.5 py-1 font-mono text-[12px] font-medium transition-colors ${
              isCurrent
                ? "bg-slate-700 text-slate-50 shadow-sm"
                : "text-slate-400 hover:bg-slate-800 hover:text-slate-100"
            }`}
          >
            {range}
          </Link>
        );
      })}
    </nav>
  );
}
