import { LoadingPage, Skeleton } from "@/components/ui/skeleton";

// The list reads every deployment's figures for the hour before it can draw.
export default function DeploymentsLoading() {
  return (
    <LoadingPage eyebrow="Machine learning" title="Deployments">
      <Skeleton className="h-[160px]" />
      <Skeleton className="mt-4 h-[240px]" />
    </LoadingPage>
  );
}
