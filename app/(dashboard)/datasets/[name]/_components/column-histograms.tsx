import { useTranslations } from "next-intl";
import { categoricalBars, numericBars } from "@/components/charts/histogram-bins";
import { HistogramChart } from "@/components/charts/histogram-chart";
import type { ColumnProfile } from "@/lib/datasets/cleaning-report";

/** More charts than this would make the page slow to paint; the table still lists every column. */
const MAX_CHARTS = 24;

function barsOf(p: ColumnProfile) {
  const h = p.histogram!;
  return h.kind === "numeric" ? numericBars(h.edges, h.counts) : categoricalBars(h.labels, h.counts);
}

/** A small histogram per feature column (observed values of the kept rows), in file order. */
export function ColumnHistograms({ columns }: { columns: ColumnProfile[] }) {
  const t = useTranslations("datasets");
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
            <HistogramChart label={p.name} bars={barsOf(p)} colour={p.type === "numeric" ? "sky" : "amber"} />
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
