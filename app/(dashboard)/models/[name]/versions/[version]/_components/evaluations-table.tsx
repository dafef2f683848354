import Link from "next/link";
import { formatShare } from "@/components/ui/model-figures";
import { datasetRefHref } from "@/components/ui/model-links";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import type { ModelVersionOut } from "@/lib/models/outputs";

/** Evaluation jobs run on this version, newest first: every row of the dataset named. */
export function EvaluationsTable({ evaluations }: { evaluations: ModelVersionOut["evaluations"] }) {
  return (
    <Table label="Evaluations">
      <THead>
        <Th>Job</Th>
        <Th>On dataset</Th>
        <Th>Finished (UTC)</Th>
        <Th isNumeric>Accuracy</Th>
        <Th isNumeric>F1</Th>
        <Th isNumeric>Rows</Th>
        <Th>Verdict</Th>
      </THead>
      <TBody>
        {evaluations.length === 0 && (
          <EmptyRow colSpan={7}>
            No evaluation job has run on this version. Submit one with{" "}
            <span className="font-mono">
              POST /api/v1/jobs {"{"}&quot;type&quot;: &quot;evaluate&quot;, &quot;model&quot;: {"{"}&quot;name&quot;,
              &quot;version&quot;{"}"}, &quot;dataset&quot;{"}"}
            </span>
            .
          </EmptyRow>
        )}
        {evaluations.map((e) => {
          const href = datasetRefHref(e.dataset);
          return (
            <Tr key={e.jobId} testId="evaluation-row">
              <Td isMono>
                <Link href={`/jobs/${e.jobId}`} className="text-sky-300 hover:underline">
                  {e.jobId.slice(0, 8)}
                </Link>
              </Td>
              <Td isMono>
                {href ? (
                  <Link href={href} className="text-sky-300 hover:underline">
                    {e.dataset}
                  </Link>
                ) : (
                  e.dataset
                )}
              </Td>
              <Td isMuted>
                <UtcTime iso={e.finishedAt} />
              </Td>
              <Td isNumeric isMono>
                {formatShare(e.accuracy)}
              </Td>
              <Td isNumeric isMono>
                {formatShare(e.f1)}
              </Td>
              <Td isNumeric isMuted>
                {e.samples ?? "—"}
              </Td>
              <Td>
                <VerdictBadge verdict={e.verdict} status="succeeded" />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
