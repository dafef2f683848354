import { useTranslations } from "next-intl";
import { LoadingPage, Skeleton, StatCardsSkeleton } from "@/components/ui/skeleton";

// The overview counts the whole fleet (servers, GPU health, sites, attention
// lists) before it can draw anything; the layout of what is coming shows first.
export default function OverviewLoading() {
  const t = useTranslations("overview");
  return (
    <LoadingPage eyebrow={t("eyebrow")} title={t("title")}>
      <StatCardsSkeleton />
      <div className="mt-4 grid gap-4 xl:grid-cols-5">
        <Skeleton className="h-[300px] xl:col-span-3" />
        <Skeleton className="h-[300px] xl:col-span-2" />
      </div>
      <div className="mt-4 grid gap-4 xl:grid-cols-5">
        <Skeleton className="h-[220px] xl:col-span-3" />
        <Skeleton className="h-[220px] xl:col-span-2" />
      </div>
    </LoadingPage>
  );
}
