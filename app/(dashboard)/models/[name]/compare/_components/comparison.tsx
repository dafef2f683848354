import Link from "next/link";
import type { ReactNode } from "react";
import { AliasBadges } from "@/components/ui/alias-badges";
import { Card } from "@/components/ui/card";
import { ConfusionMatrix } from "@/components/ui/evaluation-panel";
import { splitPhrase } from "@/components/ui/model-figures";
import { datasetRefHref, versionHref } from "@/components/ui/model-links";
import { RunEnergy } from "@/components/ui/run-energy";
import { UtcTime } from "@/components/ui/utc-time";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import type { CompareOut } from "@/lib/models/outputs";
import { GpuEvents } from "../../../_components/gpu-events";
import { DiffTable } from "./diff-table";
import { MetricDeltas } from "./metric-deltas";

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

/** Versions side by side: figures and deltas, settings diffs, verdicts, confusion matrices, energy, GPU events. */
export function Comparison({ name, compared }: { name: string; compared: CompareOut }) {
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
