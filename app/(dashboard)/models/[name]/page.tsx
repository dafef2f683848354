import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith } from "@/components/ui/pager";
import { UtcTime } from "@/components/ui/utc-time";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { actorOf } from "@/lib/auth/principal";
import type { SearchParams } from "@/lib/http/page-query";
import type { Translate } from "@/lib/i18n/translate";
import { metricSeries, type MetricPoint } from "@/lib/models/compare";
import { getModel } from "@/lib/models/models";
import type { ModelOut } from "@/lib/models/outputs";
import { ModelName } from "@/lib/models/schemas";
import { orNotFound } from "../../_components/expected-errors";
import { decodeName } from "../_components/route-params";
import { AboutCard } from "./_components/about-card";
import { AliasHistoryCard } from "./_components/alias-history-card";
import { AliasPolicies } from "./_components/alias-policies";
import { AliasesTable } from "./_components/aliases-table";
import { FiguresCard } from "./_components/figures-card";
import { parseModelPageQuery } from "./_components/model-query";
import { MoveAliasForm, type AliasChoice, type VersionChoice } from "./_components/move-alias-form";
import { PromotionsCard } from "./_components/promotions-card";
import { VersionsCard } from "./_components/versions-card";

export const dynamic = "force-dynamic";

type Params = { name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: decodeName((await params).name) };
}

/** The aliases the move form offers: every one with a policy (production by default) and those in use. */
function aliasChoices(model: ModelOut): AliasChoice[] {
  return model.policies.map((p) => ({
    alias: p.alias,
    isProtected: p.isProtected,
    requiresApproval: p.requiresApproval,
    version: model.aliases.find((a) => a.alias === p.alias)?.version ?? null,
  }));
}

/** Versions an alias may point at (not archived), newest first. */
function versionChoices(series: MetricPoint[], t: Translate, tv: Translate): VersionChoice[] {
  return series
    .filter((p) => !p.archived)
    .reverse()
    .map((p) => ({
      version: p.version,
      label: p.verdict
        ? t("versionChoiceVerdict", { version: p.version, verdict: tv(`kind.${p.verdict}`) })
        : t("versionChoice", { version: p.version }),
    }));
}

export default async function ModelPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<SearchParams>;
}) {
  const principal = await requirePagePrincipal();
  const name = decodeName((await params).name);
  if (!ModelName.safeParse(name).success) notFound();
  const query = parseModelPageQuery(await searchParams);
  const model = await orNotFound(getModel(name));
  const series = await metricSeries(name);
  const canWrite = can(principal.role, "models.write");
  const canPromote = can(principal.role, "models.promote");
  const [t, tv] = await Promise.all([getTranslations("models.model"), getTranslations("verdicts")]);

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={model.name}
        description={t.rich("summary", {
          count: model.versions,
          archived: model.archivedVersions,
          actor: model.createdBy,
          mono: (chunks) => (
            <span className="font-mono" data-stored-text>
              {chunks}
            </span>
          ),
          at: () => <UtcTime iso={model.createdAt} />,
        })}
        actions={
          <ButtonLink href={hrefWith("/audit", { target: `model:${model.name}` })} variant="ghost">
            {t("history")}
          </ButtonLink>
        }
      />
      <div className="space-y-4">
        <div className="grid items-start gap-4 xl:grid-cols-3">
          <AboutCard model={model} canWrite={canWrite} />
          <Card title={t("aliasesTitle")} description={t("aliasesDescription")} className="xl:col-span-2" isFlush>
            <AliasesTable name={name} aliases={model.aliases} />
          </Card>
        </div>
        {canWrite && (
          <Card title={t("promoteTitle")} description={canPromote ? t("promoteAdmin") : t("promoteOperator")}>
            <MoveAliasForm
              name={name}
              role={principal.role}
              canPromote={canPromote}
              aliases={aliasChoices(model)}
              versions={versionChoices(series, t, tv)}
            />
          </Card>
        )}
        <PromotionsCard name={name} actor={actorOf(principal)} canDecide={canPromote} />
        <FiguresCard
          name={name}
          series={series}
          archived={query.versions.ok ? query.versions.query.archived : "exclude"}
        />
        <VersionsCard name={name} query={query.versions} />
        <AliasHistoryCard name={name} aliasesInUse={model.aliases.map((a) => a.alias)} query={query} />
        <Card title={t("policiesTitle")} description={t("policiesDescription")} isFlush>
          <AliasPolicies name={name} policies={model.policies} canSet={canPromote} />
        </Card>
      </div>
    </>
  );
}
