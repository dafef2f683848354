import { useTranslations } from "next-intl";
import { VersionMetricsChart } from "@/components/charts/version-metrics-chart";
import { Card } from "@/components/ui/card";
import { splitPhrase } from "@/components/ui/model-figures";
import type { MetricPoint } from "@/lib/models/compare";
import type { ListVersionsQuery } from "@/lib/models/schemas";
import { MetricTable } from "./metric-table";

/** Accuracy, F1 and energy over the versions the table shows (the archived toggle applies), with the table beside. */
export function FiguresCard({
  name,
  series,
  archived,
}: {
  name: string;
  series: MetricPoint[];
  archived: ListVersionsQuery["archived"];
}) {
  const t = useTranslations("models");
  const points = series
    .filter((p) => archived === "include" || (archived === "only") === p.archived)
    .map((p) => ({ ...p, on: splitPhrase(p.split, t) }));
  return (
    <Card title={t("figures.title")} description={t("figures.description")}>
      <VersionMetricsChart points={points} testId="version-metrics-chart" />
      <details className="mt-3">
        <summary className="cursor-pointer text-xs text-slate-400 hover:text-slate-200">{t("figures.asTable")}</summary>
        <div className="mt-2">
          <MetricTable name={name} points={points} />
        </div>
      </details>
    </Card>
  );
}
