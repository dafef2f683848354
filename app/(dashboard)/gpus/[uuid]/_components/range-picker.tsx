import { useTranslations } from "next-intl";
import { hrefWith } from "@/components/ui/pager";
import { SegmentedLinks } from "@/components/ui/segmented-links";
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
    <SegmentedLinks
      label={t("rangePicker")}
      mono
      items={(Object.keys(chartRanges) as ChartRange[]).map((range) => ({
        key: range,
        href: hrefWith(path, chartParams(range, source)),
        isCurrent: range === current,
        title: t("lastRange", { range: t(`ranges.${range}`) }),
        children: range,
      }))}
    />
  );
}
