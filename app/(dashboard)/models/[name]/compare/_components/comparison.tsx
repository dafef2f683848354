import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AliasBadges } from "@/components/ui/alias-badges";
import { Card } from "@/components/ui/card";
import { ConfusionMatrix } from "@/components/ui/evaluation-panel";
import { splitPhrase, versionTag } from "@/components/ui/model-figures";
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
  const t = useTranslations("models.compare");
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      {versions.map((v, i) => (
        <section key={v} aria-label={t("versionSection", { version: v })} className="min-w-0 space-y-2">
          <h3 className="font-mono text-[13px]">
            <Link href={versionHref(name, v)} className="text-sky-300 hover:underline">
              {versionTag(v)}
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
  const t = useTranslations("models");
  const splits = new Set(versions.map((v) => v.split));
  const first = versions[0]!;
  return (
    <>
      {t("compare.deltasAgainst", { base: versionTag(first.version) })}{" "}
      {splits.size === 1 ? (
        first.split === null ? (
          t("compare.rowsNotRecorded")
        ) : (
          t("compare.allOn", { rows: splitPhrase(first.split, t) })
        )
      ) : (
        <span className="text-amber-200" data-testid="split-warning">
          {t("compare.differentRows", {
            list: versions.map((v) => `${name} ${versionTag(v.version)}: ${splitPhrase(v.split, t)}`).join("; "),
          })}
        </span>
      )}
    </>
  );
}

/** Who registered a version, and what it was trained on by which job. */
function Registration({ v }: { v: CompareOut["versions"][number] }) {
  const t = useTranslations("models.compare");
  const datasetHref = datasetRefHref(v.dataset);
  const dataset = () =>
    datasetHref ? (
      <Link href={datasetHref} className="font-mono text-sky-300 hover:underline">
        {v.dataset}
      </Link>
    ) : (
      t("outside")
    );
  const job = (chunks: ReactNode) => (
    <Link href={`/jobs/${v.jobId}`} className="font-mono text-sky-300 hover:underline">
      {chunks}
    </Link>
  );
  return (
    <>
      <p className="text-slate-400">
        {t.rich("createdBy", {
          actor: v.createdBy,
          at: () => <UtcTime iso={v.createdAt} />,
          mono: (chunks) => (
            <span className="font-mono" data-stored-text>
              {chunks}
            </span>
          ),
        })}
      </p>
      <p className="text-slate-400">
        {v.jobId
          ? t.rich("trainedOnByJob", { dataset, job, jobId: v.jobId.slice(0, 8) })
          : t.rich("trainedOn", { dataset })}
      </p>
    </>
  );
}

/** Versions side by side: figures and deltas, settings diffs, verdicts, confusion matrices, energy, GPU events. */
export function Comparison({ name, compared }: { name: string; compared: CompareOut }) {
  const t = useTranslations("models.compare");
  const tv = useTranslations("verdicts");
  const versions = compared.versions.map((v) => v.version);
  return (
    <div className="space-y-4">
      <Card title={t("versionsTitle")} isFlush>
        <div className="grid gap-4 p-4 md:grid-cols-2 xl:grid-cols-4">
          {compared.versions.map((v) => (
            <div key={v.version} className="space-y-1 text-[13px]" data-testid="compared-version">
              <Link href={versionHref(name, v.version)} className="font-mono text-sky-300 hover:underline">
                {name} {versionTag(v.version)}
              </Link>
              <Registration v={v} />
              <AliasBadges aliases={v.aliases} />
            </div>
          ))}
        </div>
      </Card>
      <Card title={t("figuresTitle")} description={<FiguresBasis name={name} versions={compared.versions} />} isFlush>
        <MetricDeltas versions={versions} metrics={compared.metrics} />
      </Card>
      <Card title={t("hyperTitle")} description={t("hyperDescription")} isFlush>
        <DiffTable label={t("hyperTitle")} versions={versions} rows={compared.hyperparameters} />
      </Card>
      <Card title={t("preTitle")} description={t("preDescription")} isFlush>
        <DiffTable label={t("preTitle")} versions={versions} rows={compared.preprocessing} />
      </Card>
      <Card title={t("verdictsTitle")}>
        <PerVersion name={name} versions={versions}>
          {(i) => {
            const verdict = compared.verdicts[i] ?? null;
            return (
              <div className="space-y-1" data-testid="compared-verdict">
                <VerdictBadge verdict={verdict} status="succeeded" />
                {verdict ? (
                  <p className="text-[13px] text-slate-300" data-stored-text>
                    {verdict.summary}
                  </p>
                ) : (
                  <p className="text-[13px] text-slate-300">{t("notJudged")}</p>
                )}
                {verdict?.suggestion && (
                  <p className="text-[12px] text-slate-400">
                    {tv("try")} <span data-stored-text>{verdict.suggestion}</span>
                  </p>
                )}
              </div>
            );
          }}
        </PerVersion>
      </Card>
      <Card title={t("confusionTitle")} description={t("confusionDescription")}>
        <PerVersion name={name} versions={versions}>
          {(i) => {
            const c = compared.confusion.find((m) => m.version === versions[i]);
            return c ? (
              <ConfusionMatrix
                confusion={c.matrix}
                labels={c.classes.length ? c.classes : c.matrix.map((_, k) => String(k))}
                caption={t("confusionOf", { version: versionTag(c.version) })}
              />
            ) : (
              <p className="text-sm text-slate-500">{t("notEvaluated")}</p>
            );
          }}
        </PerVersion>
      </Card>
      <Card title={t("energyTitle")}>
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
      <Card title={t("eventsTitle")} description={t("eventsDescription")}>
        <PerVersion name={name} versions={versions}>
          {(i) => (
            <GpuEvents
              isCompact
              events={compared.gpuEvents[i] ?? null}
              whyNone={compared.versions[i]!.source === "external" ? t("eventsExternal") : t("eventsNone")}
            />
          )}
        </PerVersion>
      </Card>
    </div>
  );
}
