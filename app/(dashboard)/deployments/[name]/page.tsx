import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith } from "@/components/ui/pager";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { hasPromotionToUndo } from "@/lib/deployments/canary";
import { nextStep } from "@/lib/deployments/canary-gates";
import { listDeployableVersions } from "@/lib/deployments/deploy-choices";
import { getDeployment, getServedSignature } from "@/lib/deployments/deployments";
import type { DeploymentDetailOut } from "@/lib/deployments/outputs";
import { DeploymentName } from "@/lib/deployments/schemas";
import type { SearchParams } from "@/lib/http/page-query";
import { getModel } from "@/lib/models/models";
import { orNotFound } from "../../_components/expected-errors";
import { decodeName } from "../../models/_components/route-params";
import { deploymentHref } from "../_components/deployment-links";
import { DeploymentControls } from "./_components/deployment-controls";
import { DeploymentFacts } from "./_components/deployment-facts";
import { DeploymentFigures } from "./_components/deployment-figures";
import { EventsLog } from "./_components/events-log";
import { TryIt } from "./_components/try-it";
import { WINDOWS } from "./_components/window-picker";

export const dynamic = "force-dynamic";

type Params = { name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: decodeName((await params).name) };
}

/** `?window=` in minutes, one of the picker's; anything else reads as the default hour. */
const WindowQuery = z.object({
  window: z.coerce
    .number()
    .refine((m) => (WINDOWS as readonly number[]).includes(m))
    .catch(60)
    .default(60),
});

/** Whether moving the deployment's alias needs an admin (its policy, production by default). */
async function isAliasProtected(d: DeploymentDetailOut): Promise<boolean> {
  if (!d.alias) return false;
  const model = await getModel(d.model);
  return model.policies.find((p) => p.alias === d.alias)?.isProtected ?? false;
}

function FiguresSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the figures">
      <Skeleton className="h-[330px]" />
      <div className="grid gap-4 xl:grid-cols-3">
        <Skeleton className="h-[220px] xl:col-span-2" />
        <Skeleton className="h-[220px]" />
      </div>
    </div>
  );
}

export default async function DeploymentPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<SearchParams>;
}) {
  const principal = await requirePagePrincipal();
  const name = decodeName((await params).name);
  if (!DeploymentName.safeParse(name).success) notFound();
  const windowMinutes = WindowQuery.parse(await searchParams).window;
  const d = await orNotFound(getDeployment(name));
  const canWrite = can(principal.role, "deployments.write");
  const canPredict = can(principal.role, "deployments.predict");
  const [signature, isProtected, versions] = await Promise.all([
    canPredict ? getServedSignature(d.stable.versionId) : null,
    canWrite ? isAliasProtected(d) : false,
    canWrite ? listDeployableVersions(d.model) : [],
  ]);
  const now = new Date();

  return (
    <>
      <PageHeader
        eyebrow="Machine learning · Deployments"
        title={d.name}
        description={
          <>
            Serves <span className="font-mono">{d.model}</span>
            {d.alias ? ` following ${d.alias}` : " at a pinned version"}; predict with POST /api/v1/deployments/
            {d.name}/predict.
          </>
        }
        actions={
          <>
            <LiveRefresh seconds={5} renderedAt={now.toISOString()} />
            <ButtonLink href={hrefWith("/audit", { target: `deployment:${d.name}` })} variant="ghost">
              History
            </ButtonLink>
          </>
        }
      />
      <div className="space-y-4">
        {d.status === "stopped" && (
          <Notice tone="warn" title="Stopped">
            Predictions are refused until an operator starts the deployment again.
          </Notice>
        )}
        <Card title="Serving" description="What answers, where it runs, and the alias it follows.">
          <DeploymentFacts deployment={d} />
        </Card>
        {canWrite && (
          <Card
            title="Controls"
            description="Each change is an event below and in the audit log. Promoting or rolling back a protected alias needs an admin and a note."
          >
            <DeploymentControls
              name={d.name}
              status={d.status}
              stableVersion={d.stable.version}
              canary={d.canary ? { version: d.canary.version, weight: d.canary.weight } : null}
              nextWeight={d.canary ? nextStep(d.gates, d.canary.weight) : null}
              alias={d.alias}
              isAliasProtected={isProtected}
              hasPromotion={hasPromotionToUndo(d.events)}
              canPromote={can(principal.role, "models.promote")}
              canaryVersions={versions.filter((v) => v !== d.stable.version)}
            />
          </Card>
        )}
        <Suspense key={windowMinutes} fallback={<FiguresSkeleton />}>
          <DeploymentFigures deployment={d} windowMinutes={windowMinutes} path={deploymentHref(d.name)} now={now} />
        </Suspense>
        {canPredict ? (
          <Card
            title="Try it"
            description={`One instance in v${d.stable.version}'s input signature, sent to this deployment's predict path (a canary may answer); then its true label as feedback.`}
          >
            {signature ? (
              <TryIt name={d.name} signature={signature} />
            ) : (
              <p className="text-sm text-slate-400">The served version has no input signature this form can read.</p>
            )}
          </Card>
        ) : (
          <p className="text-[12px] text-slate-500" data-testid="try-it-role">
            Predicting and sending feedback need the operator role (or a token scoped to predict); you are{" "}
            {principal.role}.
          </p>
        )}
        <Card
          title="Events"
          description="Every change, newest first; automatic decisions carry their evidence."
          isFlush
        >
          <EventsLog events={d.events} />
        </Card>
      </div>
    </>
  );
}
