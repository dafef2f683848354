import type { Metadata } from "next";
import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { listDeployChoices } from "@/lib/deployments/deploy-choices";
import { listDeploymentSummaries } from "@/lib/deployments/summaries";
import { DeployForm } from "./_components/deploy-form";
import { DeploymentsTable } from "./_components/deployments-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Deployments" };

/** The list's figures are over the last hour, like a deployment page's default window. */
const WINDOW_MINUTES = 60;

/** The table reads every deployment's figures for the hour: it streams in after the header and the form. */
async function DeploymentsList({ now, emptyText }: { now: Date; emptyText: string }) {
  const summaries = await listDeploymentSummaries(WINDOW_MINUTES, now);
  return <DeploymentsTable summaries={summaries} emptyText={emptyText} />;
}

// No loading.tsx for this segment: it would also wrap /deployments/[name], whose notFound() must still answer 404.
export default async function DeploymentsPage() {
  const principal = await requirePagePrincipal();
  const canWrite = can(principal.role, "deployments.write");
  const now = new Date();
  const choices = canWrite ? await listDeployChoices() : [];
  const emptyText = canWrite
    ? "Nothing is deployed yet. Deploy a model version, or an alias such as production, with the form above; or POST /api/v1/deployments."
    : "Nothing is deployed yet. An operator deploys a model version from this page (or POST /api/v1/deployments).";

  return (
    <>
      <PageHeader
        eyebrow="Machine learning"
        title="Deployments"
        description="Named prediction endpoints, each serving a model version (pinned, or following an alias) with an optional canary; latency, errors, input drift and live accuracy over the last hour."
        actions={<LiveRefresh seconds={10} renderedAt={now.toISOString()} />}
      />
      <div className="space-y-4">
        {canWrite && (
          <Card
            title="Deploy"
            description="Serving picks a new deployment up within a second. A canary takes its share of requests; the gates judge it against the stable version."
          >
            <DeployForm choices={choices} />
          </Card>
        )}
        <Card
          title="All deployments"
          description={`Figures over the last ${WINDOW_MINUTES} minutes; a figure that cannot be computed says why.`}
          isFlush
        >
          <Suspense fallback={<Skeleton className="m-4 h-[120px]" />}>
            <DeploymentsList now={now} emptyText={emptyText} />
          </Suspense>
        </Card>
      </div>
    </>
  );
}
