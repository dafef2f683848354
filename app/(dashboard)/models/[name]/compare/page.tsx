import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound, redirect } from "next/navigation";
import { AliasBadges } from "@/components/ui/alias-badges";
import { Card } from "@/components/ui/card";
import { ConfusionMatrix } from "@/components/ui/evaluation-panel";
import { ButtonLink } from "@/components/ui/form-controls";
import { splitPhrase } from "@/components/ui/model-figures";
import { compareHref, datasetRefHref, modelHref, versionHref } from "@/components/ui/model-links";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { RunEnergy } from "@/components/ui/run-energy";
import { UtcTime } from "@/components/ui/utc-time";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { flattenSearchParams, type SearchParams } from "@/lib/http/page-query";
import { compareVersions } from "@/lib/models/compare";
import { getModel } from "@/lib/models/models";
import type { CompareOut } from "@/lib/models/outputs";
import { CompareQuery, ModelName } from "@/lib/models/schemas";
import { catchExpected, orNotFound } from "../../../_components/expected-errors";
import { GpuEvents } from "../../_components/gpu-events";
import { decodeName } from "../../_components/route-params";
import { DiffTable } from "./_components/diff-table";
import { MetricDeltas } from "./_components/metric-deltas";

export const dynamic = "force-dynamic";

type Params = { name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: `Compare · ${decodeName((await params).name)}` };
}

/**
 * The versions picked on the model page arrive as `?v=3&v=4` (a GET form of
 * checkboxes); the page's own address is `?versions=3,4`, as the API takes it,
 * oldest first so the deltas read as "since".
 */
function canonicalFromForm(name: string, raw: SearchParams): string | null {
  if (raw.versions !== undefined || raw.v === undefined) return null;
  const picked = (Array.isArray(raw.v) ? raw.v : [raw.v]).map(Number);
  if (picked.some((v) => !Number.isInteger(v) || v < 1)) return null;
  return compareHref(
    name,
    [...new Set(picked)].sort((a, b) => a - b),
  );
}

/** A grid of one panel per version, each headed by its link. */
function PerVersion({
  name,
  versions,
  children,
}: {
  name: string;
  versions: number[];
  children: (index: number) => ReactNode;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      {versions.map((v, i) => (
        <section key={v} aria-label={`Version ${v}`} className="min-w-0 space-y-2">
          <h3 className="font-mono text-[13px]">
            <Link href={versionHref(name, v)} className="text-sky-300 hover:underline">
              v{v}
            </Link>
          </h3>
          {children(i)}
        </section>
      ))}
    </div>
  );
}

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<SearchParams>;
}) {
  await requirePagePrincipal();
  const name = decodeName((await params).name);
  if (!ModelName.safeParse(name).success) notFound();
  const raw = await searchParams;
  const canonical = canonicalFromForm(name, raw);
  if (canonical) redirect(canonical);
  await orNotFound(getModel(name));
  const parsed = CompareQuery.safeParse({ versions: flattenSearchParams(raw).versions ?? "" });
  const compared = parsed.success
    ? await catchExpected(compareVersions(name, parsed.data.versions), ["not_found"], (err) => err.message)
    : (parsed.error.issues[0]?.message ?? "pick versions to compare");

  return (
    <>
      <PageHeader
        eyebrow="Machine learning · Models · Compare"
        title={
          typeof compared === "string"
            ? `Compare ${name}`
            : `Compare ${name} ${compared.versions.map((v) => `v${v.version}`).join(", ")}`
        }
        description="Settings side by side, and how every figure moved against the first version."
        actions={<ButtonLink href={`${modelHref(name)}#versions`}>All versions</ButtonLink>}
      />
      {typeof compared === "string" ? (
        <Notice tone="error" title="These versions cannot be compared">
          {compared}. Tick 2 to 8 versions in the{" "}
          <Link href={`${modelHref(name)}#versions`} className="underline">
            versions table
          </Link>
          .
        </Notice>
      ) : (
        <Comparison name={name} compared={compared} />
      )}
    </>
  );
}

/** Which rows each version's figures are on; deltas between figures on different rows compare unlike things. */
function FiguresBasis({ name, versions }: { name: string; versions: CompareOut["versions"] }) {
  const splits = new Set(versions.map((v) => v.split));
  return (
    <>
      Deltas are each version&apos;s figure minus v{versions[0]!.version}&apos;s.{" "}
      {splits.size === 1 ? (
        versions[0]!.split === null ? (
          "Which rows they are on was not recorded."
        ) : (
          `All on the ${splitPhrase(versions[0]!.split)}.`
        )
      ) : (
        <span className="text-amber-200" data-testid="split-warning">
          The versions were evaluated on different rows (
          {versions.map((v) => `${name} v${v.version}: ${splitPhrase(v.split)}`).join("; ")}): their deltas compare
          unlike figures.
        </span>
      )}
    </>
  );
}

function Comparison({ name, compared }: { name: string; compared: CompareOut }) {
  const versions = compared.versions.map((v) => v.version);
  return (
    <div className="space-y-4">
      <Card title="Versions" isFlush>
        <div className="grid gap-4 p-4 md:grid-cols-2 xl:grid-cols-4">
          {compared.versions.map((v) => (
            <div key={v.version} className="space-y-1 text-[13px]" data-testid="compared-version">
              <Link href={versionHref(name, v.version)} className="font-mono text-sky-300 hover:underline">
                {name} v{v.version}
              </Link>
              <p className="text-slate-400">
                <UtcTime iso={v.createdAt} /> by <span className="font-mono">{v.createdBy}</span>
              </p>
              <p className="text-slate-400">
                trained on{" "}
                {datasetRefHref(v.dataset) ? (
                  <Link href={datasetRefHref(v.dataset)!} className="font-mono text-sky-300 hover:underline">
                    {v.dataset}
                  </Link>
                ) : (
                  "data outside Rackmind"
                )}
                {v.jobId && (
                  <>
                    {" "}
                    by{" "}
                    <Link href={`/jobs/${v.jobId}`} className="font-mono text-sky-300 hover:underline">
                      job {v.jobId.slice(0, 8)}
                    </Link>
                  </>
                )}
              </p>
              <AliasBadges aliases={v.aliases} />
            </div>
          ))}
        </div>
      </Card>
      <Card title="Figures" description={<FiguresBasis name={name} versions={compared.versions} />} isFlush>
        <MetricDeltas versions={versions} metrics={compared.metrics} />
      </Card>
      <Card title="Hyperparameters" description="As the runs were asked to train, seed included." isFlush>
        <DiffTable label="Hyperparameters" versions={versions} rows={compared.hyperparameters} />
      </Card>
      <Card
        title="Preprocessing"
        description="The dataset version, its cleaning options, and each feature's fitted imputation, scaling and categories."
        isFlush
      >
        <DiffTable label="Preprocessing" versions={versions} rows={compared.preprocessing} />
      </Card>
      <Card title="Verdicts">
        <PerVersion name={name} versions={versions}>
          {(i) => {
            const verdict = compared.verdicts[i] ?? null;
            return (
              <div className="space-y-1" data-testid="compared-verdict">
                <VerdictBadge verdict={verdict} status="succeeded" />
                <p className="text-[13px] text-slate-300">{verdict ? verdict.summary : "Not judged."}</p>
                {verdict?.suggestion && <p className="text-[12px] text-slate-400">Try: {verdict.suggestion}</p>}
              </div>
            );
          }}
        </PerVersion>
      </Card>
      <Card
        title="Confusion matrices"
        description="Rows: actual; columns: predicted; on each version's evaluation rows."
      >
        <PerVersion name={name} versions={versions}>
          {(i) => {
            const c = compared.confusion.find((m) => m.version === versions[i]);
            return c ? (
              <ConfusionMatrix
                confusion={c.matrix}
                labels={c.classes.length ? c.classes : c.matrix.map((_, k) => String(k))}
                caption={`Confusion matrix of v${c.version} (rows: actual, columns: predicted)`}
              />
            ) : (
              <p className="text-sm text-slate-500">Not evaluated.</p>
            );
          }}
        </PerVersion>
      </Card>
      <Card title="Energy, CO₂e and cost of each run">
        <PerVersion name={name} versions={versions}>
          {(i) => {
            const v = compared.versions[i]!;
            return (
              <RunEnergy
                energy={{ kwh: v.energyKwh, co2eKg: v.co2eKg, cost: v.cost, currency: v.currency, note: v.energyNote }}
              />
            );
          }}
        </PerVersion>
      </Card>
      <Card
        title="GPU events during each run"
        description="XIDs, throttling and temperature excursions the GPUs showed."
      >
        <PerVersion name={name} versions={versions}>
          {(i) => (
            <GpuEvents
              isCompact
              events={compared.gpuEvents[i] ?? null}
              whyNone={
                compared.versions[i]!.source === "external"
                  ? "Registered from outside Rackmind: no run to read."
                  : "The run held no GPU, or the events were not recorded."
              }
            />
          )}
        </PerVersion>
      </Card>
    </div>
  );
}
