import Link from "next/link";
import { AliasBadges } from "@/components/ui/alias-badges";
import { Badge } from "@/components/ui/badge";
import { formatShare, splitPhrase } from "@/components/ui/model-figures";
import { datasetRefHref, versionHref } from "@/components/ui/model-links";
import { RunEnergy } from "@/components/ui/run-energy";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import type { ModelVersionSummaryOut } from "@/lib/models/outputs";
import { SortHeader, type SortState } from "./sort-header";

/** The form the compare checkboxes belong to (they sit in table cells, outside it). */
export const COMPARE_FORM_ID = "compare-versions";

function Share({ value, split }: { value: number | null; split: string | null }) {
  if (value === null) return <span className="text-slate-500">—</span>;
  return (
    <span className="font-mono" title={`on ${splitPhrase(split)}`}>
      {formatShare(value)}
    </span>
  );
}

function GpuEvents({ count }: { count: number | null }) {
  if (count === null) return <span className="text-slate-500">not known</span>;
  return <span className={count > 0 ? "text-amber-300" : ""}>{count === 0 ? "none" : count}</span>;
}

/**
 * A model's versions: sortable by the columns the API sorts by, each row
 * linking to its version, with a checkbox to pick versions to compare.
 */
export function VersionsTable({
  versions,
  sort,
  sortHref,
  emptyText,
}: {
  versions: ModelVersionSummaryOut[];
  sort: SortState;
  sortHref: (s: SortState) => string;
  emptyText: string;
}) {
  const header = (column: string, label: string, isNumeric = false) => (
    <SortHeader column={column} current={sort} href={sortHref} isNumeric={isNumeric}>
      {label}
    </SortHeader>
  );
  return (
    <Table label="Versions">
      <THead>
        <Th>
          <span className="sr-only">Compare</span>
        </Th>
        {header("version", "Version")}
        {header("created", "Registered (UTC)")}
        <Th>Trained on</Th>
        <Th>Aliases</Th>
        <Th>Verdict</Th>
        {header("accuracy", "Accuracy", true)}
        {header("f1", "F1", true)}
        <Th>Rows</Th>
        {header("energy", "Energy")}
        <Th isNumeric>GPU events</Th>
      </THead>
      <TBody>
        {versions.length === 0 && <EmptyRow colSpan={11}>{emptyText}</EmptyRow>}
        {versions.map((v) => {
          const datasetHref = datasetRefHref(v.dataset);
          return (
            <Tr key={v.version} testId="version-row">
              <Td>
                <input
                  type="checkbox"
                  name="v"
                  value={v.version}
                  form={COMPARE_FORM_ID}
                  aria-label={`Compare version ${v.version}`}
                  className="size-3.5 accent-emerald-500"
                />
              </Td>
              <Td isMono>
                <Link href={versionHref(v.name, v.version)} className="text-sky-300 hover:underline">
                  v{v.version}
                </Link>
                {v.archived && (
                  <span className="ml-2">
                    <Badge>archived</Badge>
                  </span>
                )}
              </Td>
              <Td isMuted>
                <UtcTime iso={v.createdAt} />
                <span className="block text-[11px] text-slate-500">{v.createdBy}</span>
              </Td>
              <Td isMono isMuted>
                {datasetHref ? (
                  <Link href={datasetHref} className="text-sky-300 hover:underline">
                    {v.dataset}
                  </Link>
                ) : (
                  <span title="registered from outside Rackmind">external</span>
                )}
              </Td>
              <Td>
                <AliasBadges aliases={v.aliases} empty={<span className="text-slate-500">—</span>} />
              </Td>
              <Td>
                <VerdictBadge verdict={v.verdict} status="succeeded" />
              </Td>
              <Td isNumeric>
                <Share value={v.accuracy} split={v.split} />
              </Td>
              <Td isNumeric>
                <Share value={v.f1} split={v.split} />
              </Td>
              <Td isMuted className="text-[12px]">
                {v.accuracy === null ? "not evaluated" : splitPhrase(v.split)}
              </Td>
              <Td>
                <RunEnergy
                  isCompact
                  energy={{
                    kwh: v.energyKwh,
                    co2eKg: v.co2eKg,
                    cost: v.cost,
                    currency: v.currency,
                    note: v.energyNote,
                  }}
                />
              </Td>
              <Td isNumeric>
                <GpuEvents count={v.gpuEvents} />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
