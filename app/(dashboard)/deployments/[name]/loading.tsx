import { LoadingPage, Skeleton } from "@/components/ui/skeleton";

// A deployment's page reads its metrics (latency histograms, drift over the
// prediction log) before the figures can draw; its frame shows first.
export default function DeploymentLoading() {
  return (
    <LoadingPage eyebrow="Machine learning · Deployments" title="Deployment">
      <Skeleton className="h-[150px]" />
      <Skeleton className="mt-4 h-[330px]" />
    </LoadingPage>
  );
}
