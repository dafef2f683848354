import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deployments.list"))("title") };
}

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
  const t = await getTranslations("deployments.list");
  const emptyText = canWrite ? t("emptyWrite") : t("emptyRead");

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={<LiveRefresh seconds={10} renderedAt={now.toISOString()} />}
      />
      <div className="space-y-4">
        {canWrite && (
          <Card title={t("deployTitle")} description={t("deployDescription")}>
            <DeployForm choices={choices} />
          </Card>
        )}
        <Card title={t("allTitle")} description={t("allDescription", { minutes: WINDOW_MINUTES })} isFlush>
          <Suspense fallback={<Skeleton className="m-4 h-[120px]" />}>
            <DeploymentsList now={now} emptyText={emptyText} />
          </Suspense>
        </Card>
      </div>
    </>
  );
}
