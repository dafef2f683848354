import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
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
  return { title: `${decodeName(name)} v${version}` };
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
  const evaluation = toEvaluation(metrics.evaluation, {
    dataset: version.dataset ?? "the data it was registered with",
    training: lineage.hyperparameters,
  });

  return (
    <>
      <PageHeader
        eyebrow={`Machine learning · Models · ${name}`}
        title={`${name} v${version.version}`}
        description={
          <>
            Registered by <span className="font-mono">{version.createdBy}</span> at <UtcTime iso={version.createdAt} />
            {version.source === "external" ? ", from outside Rackmind." : "."}
            {version.description && <span className="mt-1 block text-slate-300">{version.description}</span>}
          </>
        }
        actions={
          <>
            <span className="mr-1 flex items-center gap-1.5" data-testid="version-verdict">
              <VerdictBadge verdict={version.verdict} status="succeeded" />
              {version.archived && <Badge tone="neutral">archived</Badge>}
            </span>
            <ButtonLink href={modelHref(name)}>All versions</ButtonLink>
            <ButtonLink href={hrefWith("/audit", { target: `model:${name}/${version.version}` })} variant="ghost">
              History
            </ButtonLink>
          </>
        }
      />
      <div className="space-y-4">
        {version.archived && (
          <Notice tone="info" title="Archived">
            Archived by {version.archivedBy ?? "someone"} at <UtcTime iso={version.archivedAt} />: hidden from default
            lists, and no alias can point at it until it is restored. It stays readable.
          </Notice>
        )}
        <Card title="Lineage" description="Where it came from, and where it goes.">
          <LineageChain version={version} deployments={deployments} />
        </Card>
        <div className="grid items-start gap-4 xl:grid-cols-2">
          <Card title="Verdict" description="Whether the model is any good, and why.">
            {metrics.verdict ? (
              <VerdictDetails verdict={metrics.verdict} />
            ) : (
              <p className="text-sm text-slate-400" data-testid="verdict">
                Not judged:{" "}
                {version.source === "external"
                  ? "registered from outside; an evaluation job judges it."
                  : "its run finished before Rackmind judged models."}
              </p>
            )}
          </Card>
          <Card
            title="Reproduce it"
            description="The data by hash, the code, the backend and the seed; the job that ran."
          >
            <Provenance version={version} />
          </Card>
        </div>
        <Card
          title="Figures"
          description={<span data-testid="figures-basis">{evaluation?.basis ?? "Not evaluated."}</span>}
        >
          <Figures evaluation={evaluation} metrics={metrics} />
        </Card>
        <div className="grid items-start gap-4 xl:grid-cols-2">
          <Card
            title="Energy, CO₂e and cost of the run"
            description="From the GPUs' power telemetry while the run held them."
          >
            <RunEnergyFacts energy={version.energy} />
          </Card>
          <Card title="Artifact" description="Immutable; its hash is checked on every read.">
            <ArtifactFacts version={version} />
          </Card>
        </div>
        <Card title="GPUs" description="What the run held, where, and for how long." isFlush>
          <RunGpus gpus={lineage.gpus} />
        </Card>
        <Card
          title="GPU events during the run"
          description="XIDs, throttling and temperature excursions of those GPUs while the run held them."
        >
          <GpuEvents
            events={lineage.gpuEvents}
            whyNone={
              version.source === "external"
                ? "Registered from outside Rackmind: there is no run whose GPUs could be read."
                : lineage.gpus.length === 0
                  ? "The run held no GPU: there are no GPU events to read."
                  : "Not recorded for this version."
            }
          />
        </Card>
        <div className="grid items-start gap-4 xl:grid-cols-2">
          <Card
            title="Hyperparameters"
            description={lineage.seed !== null ? `Seed ${lineage.seed}.` : undefined}
            isFlush
          >
            <HyperparametersTable hyperparameters={lineage.hyperparameters} />
          </Card>
          <Card title="Input signature" description="What a prediction takes, in this order, and answers." isFlush>
            <SignatureTable signature={version.signature} />
          </Card>
        </div>
        <Card
          title="Preprocessing"
          description="Fitted on the training split and stored with the weights: serving applies the same to raw inputs."
          isFlush
        >
          <PreprocessingTable preprocessing={lineage.preprocessing} />
        </Card>
        <Card title="Evaluations" description="Evaluation jobs run on this version." isFlush>
          <EvaluationsTable evaluations={version.evaluations} />
        </Card>
        <VersionEditCard version={version} canWrite={canWrite} />
      </div>
    </>
  );
}
