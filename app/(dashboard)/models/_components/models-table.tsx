import Link from "next/link";
import { AliasBadge } from "@/components/ui/alias-badges";
import { formatShare, splitPhrase } from "@/components/ui/model-figures";
import { modelHref, versionHref } from "@/components/ui/model-links";
import { RunEnergy } from "@/components/ui/run-energy";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import type { ModelSummaryOut } from "@/lib/models/outputs";

/** Accuracy and F1 of a version with the rows they are on, or why there are none. */
export function MetricsCell({
  accuracy,
  f1,
  split,
}: {
  accuracy: number | null;
  f1: number | null;
  split: string | null;
}) {
  if (accuracy === null || f1 === null) return <span className="text-slate-500">not evaluated</span>;
  return (
    <span className="block">
      <span className="whitespace-nowrap font-mono tabular-nums">
        {formatShare(accuracy)} / {formatShare(f1)}
      </span>
      <span className="block text-[11px] text-slate-500">on {splitPhrase(split)}</span>
    </span>
  );
}

function EmptyModels({ query }: { query: string | undefined }) {
  if (query) return <>No model&apos;s name contains “{query}”.</>;
  return (
    <span data-testid="models-empty">
      No models yet. A model appears here when a training job succeeds (it registers a version under the job&apos;s
      model name, or its dataset&apos;s name), or when a TF.js model trained elsewhere is registered with{" "}
      <span className="font-mono text-slate-300">POST /api/v1/models/{"{name}"}/versions</span>.{" "}
      <Link href="/jobs" className="text-sky-300 hover:underline">
        Train one on the Jobs page
      </Link>
      .
    </span>
  );
}

/** Registered models, each with its newest version's figures and where its aliases point. */
export function ModelsTable({ models, query }: { models: ModelSummaryOut[]; query?: string }) {
  return (
    <Table label="Models">
      <THead>
        <Th>Model</Th>
        <Th>Latest version</Th>
        <Th>Aliases</Th>
        <Th>Verdict (latest)</Th>
        <Th>Accuracy / F1 (latest)</Th>
        <Th>Energy of the latest run</Th>
        <Th isNumeric>Versions</Th>
      </THead>
      <TBody>
        {models.length === 0 && (
          <EmptyRow colSpan={7}>
            <EmptyModels query={query} />
          </EmptyRow>
        )}
        {models.map((m) => (
          <Tr key={m.name} testId="model-row">
            <Td>
              <Link href={modelHref(m.name)} className="font-mono text-[13px] text-sky-300 hover:underline">
                {m.name}
              </Link>
              {m.description && (
                <span className="block max-w-72 truncate text-[11px] text-slate-500" title={m.description}>
                  {m.description}
                </span>
              )}
            </Td>
            <Td>
              {m.latest ? (
                <>
                  <Link href={versionHref(m.name, m.latest.version)} className="font-mono text-sky-300 hover:underline">
                    v{m.latest.version}
                  </Link>
                  <span className="block text-[11px] text-slate-500">
                    <UtcTime iso={m.latest.createdAt} />
                  </span>
                </>
              ) : (
                <span className="text-slate-500">every version archived</span>
              )}
            </Td>
            <Td>
              {m.aliases.length === 0 ? (
                <span className="text-slate-500">none</span>
              ) : (
                <ul className="space-y-0.5">
                  {m.aliases.map((a) => (
                    <li key={a.alias} className="flex items-center gap-1.5 whitespace-nowrap">
                      <AliasBadge alias={a} />
                      <span className="font-mono text-[12px] text-slate-400">→ v{a.version}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Td>
            <Td>{m.latest ? <VerdictBadge verdict={m.latest.verdict} status="succeeded" /> : null}</Td>
            <Td>{m.latest ? <MetricsCell {...m.latest} /> : null}</Td>
            <Td>
              {m.latest ? (
                <RunEnergy
                  isCompact
                  energy={{
                    kwh: m.latest.energyKwh,
                    co2eKg: m.latest.co2eKg,
                    cost: m.latest.cost,
                    currency: m.latest.currency,
                    note: m.latest.energyNote,
                  }}
                />
              ) : null}
            </Td>
            <Td isNumeric>{m.versions}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
