import Link from "next/link";
import { useTranslations } from "next-intl";
import { hrefWith } from "@/components/ui/pager";
import { chartParams, type ChartRange, type ChartSource } from "./chart-ranges";

const SOURCES: ChartSource[] = ["rackmind", "prometheus"];

/**
 * Plain links, as the range picker: the charts from Rackmind's rollups or from
 * the operators' Prometheus (raw samples it keeps, for fleets that keep them
 * there). Shown only once an admin has set prometheusUrl.
 */
export function SourcePicker({
  path,
  range,
  current,
  prometheusUrl,
}: {
  path: string;
  range: ChartRange;
  current: ChartSource;
  prometheusUrl: string;
}) {
  const t = useTranslations("gpus");
  return (
    <nav
      aria-label={t("sourcePicker")}
      className="inline-flex rounded-md border border-slate-700 bg-slate-950/60 p-0.5"
    >
      {SOURCES.map((source) => {
        const isCurrent = source === current;
        return (
          <Link
            key={source}
            href={hrefWith(path, chartParams(range, source))}
            aria-current={isCurrent ? "page" : undefined}
            title={t(`sourceTitles.${source}`, { url: prometheusUrl })}
            className={`rounded px-2.5 py-1 text-[12px] font-medium transition-colors ${
              isCurrent
                ? "bg-slate-700 text-slate-50 shadow-sm"
                : "text-slate-400 hover:bg-slate-800 hover:text-slate-100"
            }`}
          >
            {t(`sources.${source}`)}
          </Link>
        );
      })}
    </nav>
  );
}
