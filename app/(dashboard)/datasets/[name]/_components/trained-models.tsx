import Link from "next/link";
import { AliasBadges } from "@/components/ui/alias-badges";
import { Badge } from "@/components/ui/badge";
import { formatShare, splitPhrase } from "@/components/ui/model-figures";
import { modelHref, versionHref } from "@/components/ui/model-links";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import type { DatasetModelsOut } from "@/lib/models/outputs";

const holdsProtected = (v: DatasetModelsOut["versions"][number]) => v.aliases.some((a) => a.isProtected);

/**
 * Reverse lineage, for a data recall: every model version trained on this
 * dataset version, archived ones too, those holding a protected alias (what
 * serves production) first.
 */
export function TrainedModels({ trained }: { trained: DatasetModelsOut }) {
  const versions = [...trained.versions].sort((a, b) => Number(holdsProtected(b)) - Number(holdsProtected(a)));
  return (
    <Table label={`Model versions trained on ${trained.dataset}`}>
      <THead>
        <Th>Model version</Th>
        <Th>Aliases</Th>
        <Th>Verdict</Th>
        <Th>Accuracy / F1</Th>
        <Th>Registered (UTC)</Th>
      </THead>
      <TBody>
        {versions.length === 0 && <EmptyRow colSpan={5}>No model has been trained on {trained.dataset}.</EmptyRow>}
        {versions.map((v) => (
          <Tr key={`${v.name}/${v.version}`} testId="trained-model">
            <Td isMono>
              <Link href={modelHref(v.name)} className="text-sky-300 hover:underline">
                {v.name}
              </Link>{" "}
              <Link href={versionHref(v.name, v.version)} className="text-sky-300 hover:underline">
                v{v.version}
              </Link>
              {v.archived && (
                <span className="ml-2">
                  <Badge>archived</Badge>
                </span>
              )}
            </Td>
            <Td>
              <AliasBadges aliases={v.aliases} empty={<span className="text-slate-500">—</span>} />
            </Td>
            <Td>
              <VerdictBadge verdict={v.verdict} status="succeeded" />
            </Td>
            <Td isMono>
              {v.accuracy === null || v.f1 === null ? (
                <span className="text-slate-500">not evaluated</span>
              ) : (
                <>
                  {formatShare(v.accuracy)} / {formatShare(v.f1)}
                  <span className="ml-1 font-sans text-[11px] text-slate-500">on {splitPhrase(v.split)}</span>
                </>
              )}
            </Td>
            <Td isMuted>
              <UtcTime iso={v.createdAt} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** The card's line: how many versions, and how many a recall must look at first. */
export function trainedModelsSummary(trained: DatasetModelsOut): string {
  const n = trained.versions.length;
  if (n === 0) return `No model version was trained on ${trained.dataset}.`;
  const versions = `${n} model version${n === 1 ? " was" : "s were"} trained on ${trained.dataset}`;
  return trained.protectedCount === 0
    ? `${versions}; none holds a protected alias.`
    : `${versions}; ${trained.protectedCount} hold${trained.protectedCount === 1 ? "s" : ""} a protected alias (such as production): look at ${trained.protectedCount === 1 ? "it" : "them"} first in a data recall.`;
}
