import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatDuration } from "@/components/ui/model-figures";
import { UtcTime } from "@/components/ui/utc-time";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { ModelVersionOut } from "@/lib/models/outputs";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="contents">
      <dt className="text-slate-400">{label}</dt>
      <dd className="min-w-0 break-all text-slate-100" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

const unknown = (text: string) => <span className="text-slate-500">{text}</span>;

/** What a rerun needs to reproduce the version: the data by hash, the code, the backend, the seed; and the job that ran. */
export function Provenance({ version }: { version: ModelVersionOut }) {
  const t = useTranslations("models.version.provenance");
  const locale = asLocale(useLocale());
  const notRecorded = unknown(t("notRecorded"));
  const { lineage } = version;
  const { job, run, codeVersion, dataset } = lineage;
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1.5 text-[13px]">
      <Fact label={t("datasetHash")} testId="fact-dataset-hash">
        {lineage.datasetHash ? <span className="font-mono text-[12px]">{lineage.datasetHash}</span> : notRecorded}
      </Fact>
      <Fact label={t("cleanedHash")} testId="fact-cleaned-hash">
        {dataset ? <span className="font-mono text-[12px]">{dataset.cleanedHash}</span> : notRecorded}
      </Fact>
      <Fact label={t("codeVersion")} testId="fact-code-version">
        {codeVersion ? (
          <span className="font-mono text-[12px]">
            {t(codeVersion.kind === "git" ? "git" : "package", { value: codeVersion.value })} · Rackmind{" "}
            {codeVersion.rackmind}
          </span>
        ) : (
          notRecorded
        )}
      </Fact>
      <Fact label={t("backend", { tfjs: "TF.js" })} testId="fact-backend">
        {lineage.backend ? <span className="font-mono">{lineage.backend}</span> : notRecorded}
      </Fact>
      <Fact label={t("seed")} testId="fact-seed">
        {lineage.seed !== null ? <span className="font-mono">{lineage.seed}</span> : notRecorded}
      </Fact>
      {job ? (
        <>
          <Fact label={t("job")}>
            <Link href={`/jobs/${job.id}`} className="font-mono text-sky-300 hover:underline">
              {job.id}
            </Link>
          </Fact>
          <Fact label={t("submittedBy")} testId="fact-submitter">
            {t.rich("forTeam", {
              actor: job.createdBy,
              team: job.team,
              mono: (chunks) => (
                <span className="font-mono" data-stored-text>
                  {chunks}
                </span>
              ),
            })}
          </Fact>
          <Fact label={t("submitted")}>
            <UtcTime iso={job.createdAt} />
          </Fact>
          <Fact label={t("ran")}>
            <UtcTime iso={job.startedAt} /> → <UtcTime iso={job.finishedAt} />
            {job.startedAt && job.finishedAt && (
              <span className="ml-2 text-slate-400">({formatDuration(job.startedAt, job.finishedAt, locale)})</span>
            )}
          </Fact>
          <Fact label={t("attempts")}>{formatNumber(job.attempts, locale)}</Fact>
        </>
      ) : (
        <Fact label={t("job")}>{unknown(t("noJob"))}</Fact>
      )}
      {run && <Fact label={t("epochs")}>{formatNumber(run.epochs, locale)}</Fact>}
    </dl>
  );
}
