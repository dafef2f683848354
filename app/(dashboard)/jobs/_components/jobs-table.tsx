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

/** What an empty list says: with filters, that none matches; without, that there are none yet and how to start one. */
function emptyText(isFiltered: boolean, canSubmit: boolean): string {
  if (isFiltered) return "No job matches these filters. Clear them to see every job.";
  return canSubmit
    ? "No jobs yet. Start one with the New job form above (a template needs nothing else), or POST /api/v1/jobs."
    : "No jobs yet. An operator or admin starts them from this page or with POST /api/v1/jobs.";
}

export function JobsTable({
  jobs,
  isFiltered = true,
  canSubmit = false,
}: {
  jobs: JobSummaryOut[];
  isFiltered?: boolean;
  canSubmit?: boolean;
}) {
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
        {jobs.length === 0 && <EmptyRow colSpan={10}>{emptyText(isFiltered, canSubmit)}</EmptyRow>}
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
