import { useTranslations } from "next-intl";
import { categoricalBars, formatBinEdge, numericBars, type HistogramBar } from "@/components/charts/histogram-bins";
import { HistogramChart } from "@/components/charts/histogram-chart";
import type { ColumnProfile } from "@/lib/datasets/cleaning-report";
import type { Translate } from "@/lib/i18n/translate";

/** More charts than this would make the page slow to paint; the table still lists every column. */
const MAX_CHARTS = 24;

/** The bars with each numeric bin's interval in the reader's words ("6.86 to 7.1 (inclusive)"; `t`: datasets.histograms). */
function barsOf(p: ColumnProfile, t: Translate): HistogramBar[] {
  const h = p.histogram!;
  if (h.kind !== "numeric") return categoricalBars(h.labels, h.counts);
  return numericBars(h.edges, h.counts).map((bar, i) => {
    const from = formatBinEdge(h.edges[i]!);
    const to = formatBinEdge(h.edges[i + 1] ?? h.edges[i]!);
    const isLast = i === h.counts.length - 1;
    return { ...bar, title: from === to ? from : t(isLast ? "binLast" : "bin", { from, to }) };
  });
}

/** A small histogram per feature column (observed values of the kept rows), in file order. */
export function ColumnHistograms({ columns }: { columns: ColumnProfile[] }) {
  const t = useTranslations("datasets");
  const th = useTranslations("datasets.histograms");
  const charted = columns.filter((p) => p.role === "feature" && p.histogram);
  const shown = charted.slice(0, MAX_CHARTS);
  return (
    <div className="space-y-2">
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {shown.map((p) => (
          <figure
            key={p.name}
            className="rounded-md border border-slate-800 bg-slate-950/30 p-2.5"
            data-testid="column-histogram"
          >
            <figcaption className="mb-1.5 flex items-baseline justify-between gap-2 text-xs">
              <span className="truncate font-mono text-slate-200">{p.name}</span>
              <span className="text-slate-500">{t(`columns.types.${p.type}`)}</span>
            </figcaption>
            <HistogramChart label={p.name} bars={barsOf(p, th)} colour={p.type === "numeric" ? "sky" : "amber"} />
          </figure>
        ))}
      </div>
      {charted.length > shown.length && (
        <p className="text-xs text-slate-500">
          {t("histograms.showingFirst", { shown: MAX_CHARTS, count: charted.length })}
        </p>
      )}
    </div>
  );
}
