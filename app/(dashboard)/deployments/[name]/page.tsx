import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
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
  const t = useTranslations("deployments.page");
  return (
    <div className="space-y-4" aria-busy="true" aria-label={t("loadingFigures")}>
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
  const [t, tRoles] = await Promise.all([getTranslations("deployments.page"), getTranslations("shell.roles")]);
  const model = () => <span className="font-mono">{d.model}</span>;
  const endpoint = `POST /api/v1/deployments/${d.name}/predict`;

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={d.name}
        description={
          d.alias
            ? t.rich("descriptionAlias", { model, alias: d.alias, endpoint })
            : t.rich("descriptionPinned", { model, endpoint })
        }
        actions={
          <>
            <LiveRefresh seconds={5} renderedAt={now.toISOString()} />
            <ButtonLink href={hrefWith("/audit", { target: `deployment:${d.name}` })} variant="ghost">
              {t("history")}
            </ButtonLink>
          </>
        }
      />
      <div className="space-y-4">
        {d.status === "stopped" && (
          <Notice tone="warn" title={t("stopped")}>
            {t("stoppedText")}
          </Notice>
        )}
        <Card title={t("servingTitle")} description={t("servingDescription")}>
          <DeploymentFacts deployment={d} />
        </Card>
        {canWrite && (
          <Card title={t("controlsTitle")} description={t("controlsDescription")}>
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
          <Card title={t("tryTitle")} description={t("tryDescription", { version: d.stable.version })}>
            {signature ? (
              <TryIt name={d.name} signature={signature} />
            ) : (
              <p className="text-sm text-slate-400">{t("noSignature")}</p>
            )}
          </Card>
        ) : (
          <p className="text-[12px] text-slate-500" data-testid="try-it-role">
            {t("needsOperator", { role: tRoles(principal.role) })}
          </p>
        )}
        <Card title={t("eventsTitle")} description={t("eventsDescription")} isFlush>
          <EventsLog events={d.events} />
        </Card>
      </div>
    </>
  );
}
