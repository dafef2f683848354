import Link from "next/link";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { JobSummaryOut } from "@/lib/jobs/schemas";
import { JobStatusBadge } from "./job-status-badge";
import { ProgressBar } from "./progress-bar";
import { VerdictBadge } from "@/components/ui/verdict-badge";

function request(j: JobSummaryOut): string {
  const parts = [
    `${j.request.gpus} GPU${j.request.gpus === 1 ? "" : "s"}`,
    j.request.gpuModel,
    j.request.minMemoryMiB ? `≥ ${j.request.minMemoryMiB} MiB` : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

export function JobsTable({ jobs, isFiltered = true }: { jobs: JobSummaryOut[]; isFiltered?: boolean }) {
  return (
    <Table label="Jobs">
      <THead>
        <Th>Job</Th>
        <Th>Status</Th>
        <Th>Verdict</Th>
        <Th>Priority</Th>
        <Th>Team</Th>
        <Th>Dataset</Th>
        <Th>Request</Th>
        <Th>Progress</Th>
        <Th>Note</Th>
        <Th>Submitted (UTC)</Th>
      </THead>
      <TBody>
        {jobs.length === 0 && (
          <EmptyRow colSpan={10}>
            {isFiltered ? "No job matches these filters." : "No jobs yet: submit one above, or POST /api/v1/jobs."}
          </EmptyRow>
        )}
        {jobs.map((j) => (
          <Tr key={j.id} testId="job-row">
            <Td isMono>
              <Link href={`/jobs/${j.id}`} className="text-sky-300 hover:underline">
                {j.id.slice(0, 8)}
              </Link>
              <span className="ml-2 text-slate-500">{j.type === "train" ? (j.modelName ?? "train") : "evaluate"}</span>
            </Td>
            <Td>
              <JobStatusBadge status={j.status} />
            </Td>
            <Td>
              <VerdictBadge verdict={j.verdict} status={j.status} />
            </Td>
            <Td isMuted>{j.priority}</Td>
            <Td isMono>{j.team}</Td>
            <Td isMono isMuted>
              {j.dataset}
            </Td>
            <Td isMuted>{request(j)}</Td>
            <Td>
              <ProgressBar
                epoch={j.progress.epoch}
                epochs={j.progress.epochs}
                isCompact
                label={`Progress of job ${j.id.slice(0, 8)}`}
              />
            </Td>
            <Td isMuted className="max-w-80 truncate">
              <span title={j.error ?? j.waitingReason ?? ""}>{j.error ?? j.waitingReason ?? ""}</span>
            </Td>
            <Td isMuted>
              <UtcTime iso={j.createdAt} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
