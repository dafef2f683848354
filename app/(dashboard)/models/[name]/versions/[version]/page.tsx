import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { versionTag } from "@/components/ui/model-figures";
import { modelHref } from "@/components/ui/model-links";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith } from "@/components/ui/pager";
import { UtcTime } from "@/components/ui/utc-time";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { VerdictDetails } from "@/components/ui/verdict-details";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { listDeploymentsServing } from "@/lib/deployments/deployments";
import { toEvaluation } from "@/lib/jobs/job-results";
import { VersionParam } from "@/lib/models/schemas";
import { getVersion } from "@/lib/models/versions";
import { orNotFound } from "../../../../_components/expected-errors";
import { GpuEvents } from "../../../_components/gpu-events";
import { decodeName } from "../../../_components/route-params";
import { ArtifactFacts } from "./_components/artifact-card";
import { EvaluationsTable } from "./_components/evaluations-table";
import { Figures } from "./_components/figures";
import { LineageChain } from "./_components/lineage-chain";
import { Provenance } from "./_components/provenance";
import { RunEnergyFacts } from "./_components/run-energy-facts";
import { RunGpus } from "./_components/run-gpus";
import { HyperparametersTable, PreprocessingTable } from "./_components/settings-tables";
import { SignatureTable } from "./_components/signature-table";
import { VersionEditCard } from "./_components/version-edit-card";

export const dynamic = "force-dynamic";

type Params = { name: string; version: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { name, version } = await params;
  return { title: `${decodeName(name)} ${/^\d+$/.test(version) ? versionTag(Number(version)) : version}` };
}

/** The version, or the dashboard's not-found for an unknown model or version (a malformed one cannot exist either). */
async function loadVersion(params: Params) {
  const parsed = VersionParam.safeParse({ name: decodeName(params.name), version: params.version });
  if (!parsed.success || !/^\d+$/.test(params.version)) notFound();
  return orNotFound(getVersion(parsed.data.name, parsed.data.version));
}

export default async function ModelVersionPage({ params }: { params: Promise<Params> }) {
  const principal = await requirePagePrincipal();
  const version = await loadVersion(await params);
  const { name, lineage, metrics } = version;
  const canWrite = can(principal.role, "models.write");
  const deployments = await listDeploymentsServing(version.id);
  const [t, tm] = await Promise.all([getTranslations("models.version"), getTranslations("models")]);
  // The basis sentence toEvaluation writes is English prose from lib/jobs (shown as stored text below);
  // its dataset phrase stays in the same language as the sentence around it.
  const evaluation = toEvaluation(metrics.evaluation, {
    dataset: version.dataset ?? "the data it was registered with",
    training: lineage.hyperparameters,
  });

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow", { name })}
        title={`${name} ${versionTag(version.version)}`}
        description={
          <>
            {t.rich(version.source === "external" ? "registeredExternal" : "registered", {
              actor: version.createdBy,
              mono: (chunks) => (
                <span className="font-mono" data-stored-text>
                  {chunks}
                </span>
              ),
              at: () => <UtcTime iso={version.createdAt} />,
            })}
            {version.description && (
              <span className="mt-1 block text-slate-300" data-stored-text>
                {version.description}
              </span>
            )}
          </>
        }
        actions={
          <>
            <span className="mr-1 flex items-center gap-1.5" data-testid="version-verdict">
              <VerdictBadge verdict={version.verdict} status="succeeded" />
              {version.archived && <Badge tone="neutral">{tm("archived")}</Badge>}
            </span>
            <ButtonLink href={modelHref(name)}>{t("allVersions")}</ButtonLink>
            <ButtonLink href={hrefWith("/audit", { target: `model:${name}/${version.version}` })} variant="ghost">
              {t("history")}
            </ButtonLink>
          </>
        }
      />
      <div className="space-y-4">
        {version.archived && (
          <Notice tone="info" title={t("archivedTitle")}>
            {t.rich("archivedBy", {
              actor: version.archivedBy ?? t("someone"),
              mono: (chunks) => (
                <span className="font-mono" data-stored-text>
                  {chunks}
                </span>
              ),
              at: () => <UtcTime iso={version.archivedAt} />,
            })}
          </Notice>
        )}
        <Card title={t("lineageTitle")} description={t("lineageDescription")}>
          <LineageChain version={version} deployments={deployments} />
        </Card>
        <div className="grid items-start gap-4 xl:grid-cols-2">
          <Card title={t("verdictTitle")} description={t("verdictDescription")}>
            {metrics.verdict ? (
              <VerdictDetails verdict={metrics.verdict} />
            ) : (
              <p className="text-sm text-slate-400" data-testid="verdict">
                {version.source === "external" ? t("notJudgedExternal") : t("notJudgedOld")}
              </p>
            )}
          </Card>
          <Card title={t("reproduceTitle")} description={t("reproduceDescription")}>
            <Provenance version={version} />
          </Card>
        </div>
        <Card
          title={t("figuresTitle")}
          description={
            evaluation ? (
              <span data-testid="figures-basis" data-stored-text>
                {evaluation.basis}
              </span>
            ) : (
              <span data-testid="figures-basis">{t("notEvaluated")}</span>
            )
          }
        >
          <Figures evaluation={evaluation} metrics={metrics} />
        </Card>
        <div className="grid items-start gap-4 xl:grid-cols-2">
          <Card title={t("energyTitle")} description={t("energyDescription")}>
            <RunEnergyFacts energy={version.energy} />
          </Card>
          <Card title={t("artifactTitle")} description={t("artifactDescription")}>
            <ArtifactFacts version={version} />
          </Card>
        </div>
        <Card title={t("gpusTitle")} description={t("gpusDescription")} isFlush>
          <RunGpus gpus={lineage.gpus} />
        </Card>
        <Card title={t("eventsTitle")} description={t("eventsDescription")}>
          <GpuEvents
            events={lineage.gpuEvents}
            whyNone={
              version.source === "external"
                ? t("eventsExternal")
                : lineage.gpus.length === 0
                  ? t("eventsNoGpu")
                  : t("eventsNotRecorded")
            }
          />
        </Card>
        <div className="grid items-start gap-4 xl:grid-cols-2">
          <Card
            title={t("hyperTitle")}
            description={lineage.seed !== null ? t("seed", { seed: lineage.seed }) : undefined}
            isFlush
          >
            <HyperparametersTable hyperparameters={lineage.hyperparameters} />
          </Card>
          <Card title={t("signatureTitle")} description={t("signatureDescription")} isFlush>
            <SignatureTable signature={version.signature} />
          </Card>
        </div>
        <Card title={t("preTitle")} description={t("preDescription")} isFlush>
          <PreprocessingTable preprocessing={lineage.preprocessing} />
        </Card>
        <Card title={t("evaluationsTitle")} description={t("evaluationsDescription")} isFlush>
          <EvaluationsTable evaluations={version.evaluations} />
        </Card>
        <VersionEditCard version={version} canWrite={canWrite} />
      </div>
    </>
  );
}
