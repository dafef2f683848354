import { useTranslations } from "next-intl";
import { hrefWith } from "@/components/ui/pager";
import { SegmentedLinks } from "@/components/ui/segmented-links";
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
    <SegmentedLinks
      label={t("sourcePicker")}
      items={SOURCES.map((source) => ({
        key: source,
        href: hrefWith(path, chartParams(range, source)),
        isCurrent: source === current,
        title: t(`sourceTitles.${source}`, { url: prometheusUrl }),
        children: t(`sources.${source}`),
      }))}
    />
  );
}
