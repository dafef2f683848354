import Link from "next/link";
import type { ReactNode } from "react";
import { formatDuration } from "@/components/ui/model-figures";
import { UtcTime } from "@/components/ui/utc-time";
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

const unknown = (text = "not recorded") => <span className="text-slate-500">{text}</span>;

/** What a rerun needs to reproduce the version: the data by hash, the code, the backend, the seed; and the job that ran. */
export function Provenance({ version }: { version: ModelVersionOut }) {
  const { lineage } = version;
  const { job, run, codeVersion, dataset } = lineage;
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1.5 text-[13px]">
      <Fact label="Dataset bytes (sha256)" testId="fact-dataset-hash">
        {lineage.datasetHash ? <span className="font-mono text-[12px]">{lineage.datasetHash}</span> : unknown()}
      </Fact>
      <Fact label="Cleaned data (sha256)" testId="fact-cleaned-hash">
        {dataset ? <span className="font-mono text-[12px]">{dataset.cleanedHash}</span> : unknown()}
      </Fact>
      <Fact label="Code version" testId="fact-code-version">
        {codeVersion ? (
          <span className="font-mono text-[12px]">
            {codeVersion.kind === "git" ? `git ${codeVersion.value}` : `package ${codeVersion.value}`} · Rackmind{" "}
            {codeVersion.rackmind}
          </span>
        ) : (
          unknown()
        )}
      </Fact>
      <Fact label="TF.js backend" testId="fact-backend">
        {lineage.backend ? <span className="font-mono">{lineage.backend}</span> : unknown()}
      </Fact>
      <Fact label="Seed" testId="fact-seed">
        {lineage.seed !== null ? <span className="font-mono">{lineage.seed}</span> : unknown()}
      </Fact>
      {job ? (
        <>
          <Fact label="Job">
            <Link href={`/jobs/${job.id}`} className="font-mono text-sky-300 hover:underline">
              {job.id}
            </Link>
          </Fact>
          <Fact label="Submitted by" testId="fact-submitter">
            <span className="font-mono">{job.createdBy}</span> for team <span className="font-mono">{job.team}</span>
          </Fact>
          <Fact label="Submitted">
            <UtcTime iso={job.createdAt} />
          </Fact>
          <Fact label="Ran">
            <UtcTime iso={job.startedAt} /> → <UtcTime iso={job.finishedAt} />
            {job.startedAt && job.finishedAt && (
              <span className="ml-2 text-slate-400">({formatDuration(job.startedAt, job.finishedAt)})</span>
            )}
          </Fact>
          <Fact label="Attempts">{job.attempts}</Fact>
        </>
      ) : (
        <Fact label="Job">{unknown("none: registered from outside Rackmind")}</Fact>
      )}
      {run && <Fact label="Epochs trained">{run.epochs}</Fact>}
    </dl>
  );
}
