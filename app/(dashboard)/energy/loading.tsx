import { useTranslations } from "next-intl";
import { LoadingPage, Skeleton } from "@/components/ui/skeleton";
import { EnergyReportSkeleton } from "./_components/energy-report";

// Before the report streams in (it has its own Suspense and skeleton), the page
// looks up the sites and the latest metered one; this covers that first step.
export default function EnergyLoading() {
  const t = useTranslations("energy.page");
  return (
    <LoadingPage eyebrow={t("eyebrow")} title={t("title")}>
      <Skeleton className="mb-4 h-[52px]" />
      <EnergyReportSkeleton />
    </LoadingPage>
  );
}
