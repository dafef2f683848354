import { useTranslations } from "next-intl";
import { LoadingPage, Skeleton, StatCardsSkeleton } from "@/components/ui/skeleton";

// The telemetry page reads every GPU's latest samples (hottest, per site) and
// the scrape targets before it renders; its panels' outline shows meanwhile.
export default function TelemetryLoading() {
  const t = useTranslations("telemetry");
  return (
    <LoadingPage eyebrow={t("eyebrow")} title={t("title")}>
      <StatCardsSkeleton />
      <div className="mt-4 grid items-start gap-4 xl:grid-cols-5">
        <Skeleton className="h-[380px] xl:col-span-3" />
        <Skeleton className="h-[240px] xl:col-span-2" />
      </div>
      <Skeleton className="mt-4 h-[200px]" />
    </LoadingPage>
  );
}
