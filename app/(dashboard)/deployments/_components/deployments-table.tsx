import Link from "next/link";
import { modelHref, versionHref } from "@/components/ui/model-links";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { DeploymentSummary } from "@/lib/deployments/summaries";
import { DeploymentStatusBadge, DriftBadge } from "./deployment-badges";
import {
  accuracyReading,
  errorRateReading,
  formatCount,
  latencyReading,
  trafficSplit,
  type Reading,
} from "./deployment-format";
import { deploymentHref } from "./deployment-links";

function Figure({ reading, testId }: { reading: Reading; testId: string }) {
  return (
    <span data-testid={testId} className={reading.isKnown ? "" : "text-[12px] text-slate-500"}>
      {reading.text}
    </span>
  );
}

function Versions({ d }: { d: DeploymentSummary["deployment"] }) {
  const link = (v: number) => (
    <Link href={versionHref(d.model, v)} className="font-mono text-sky-300 hover:underline">
      v{v}
    </Link>
  );
  return (
    <span className="whitespace-nowrap">
      <Link href={modelHref(d.model)} className="font-mono text-slate-100 hover:underline">
        {d.model}
      </Link>{" "}
      {link(d.stable.version)}
      {d.canary && <> · canary {link(d.canary.version)}</>}
    </span>
  );
}

/** Every deployment with what it serves and its headline figures over the window. */
export function DeploymentsTable({ summaries, emptyText }: { summaries: DeploymentSummary[]; emptyText: string }) {
  return (
    <Table label="Deployments">
      <THead>
        <Th>Name</Th>
        <Th>Status</Th>
        <Th>Model and versions</Th>
        <Th>Follows</Th>
        <Th>Traffic split</Th>
        <Th isNumeric>p95 latency</Th>
        <Th isNumeric>Error rate</Th>
        <Th>Drift</Th>
        <Th>Live accuracy</Th>
        <Th isNumeric>Requests</Th>
      </THead>
      <TBody>
        {summaries.length === 0 && <EmptyRow colSpan={10}>{emptyText}</EmptyRow>}
        {summaries.map(({ deployment: d, figures: f }) => (
          <Tr key={d.name} testId="deployment-row">
            <Td isMono>
              <Link href={deploymentHref(d.name)} className="text-sky-300 hover:underline">
                {d.name}
              </Link>
            </Td>
            <Td>
              <DeploymentStatusBadge status={d.status} />
            </Td>
            <Td>
              <Versions d={d} />
            </Td>
            <Td isMono isMuted>
              {d.alias ?? "pinned version"}
            </Td>
            <Td className="whitespace-nowrap text-[12px]">{trafficSplit(d)}</Td>
            <Td isNumeric>
              <Figure reading={latencyReading(f.latencyMs.p95)} testId="deployment-p95" />
            </Td>
            <Td isNumeric>
              <Figure reading={errorRateReading(f.errorRate)} testId="deployment-error-rate" />
            </Td>
            <Td>
              <DriftBadge drift={f.drift} isCompact />
            </Td>
            <Td>
              <Figure reading={accuracyReading(f.accuracy, f.requests)} testId="deployment-accuracy" />
            </Td>
            <Td isNumeric>
              <span data-testid="deployment-requests">{formatCount(f.requests)}</span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
