import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { AliasBadges } from "@/components/ui/alias-badges";
import { Badge } from "@/components/ui/badge";
import { formatShare, splitPhrase, versionTag } from "@/components/ui/model-figures";
import { datasetRefHref, versionHref } from "@/components/ui/model-links";
import { RunEnergy } from "@/components/ui/run-energy";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { ModelVersionSummaryOut } from "@/lib/models/outputs";
import { SortHeader, type SortState } from "./sort-header";

/** The form the compare checkboxes belong to (they sit in table cells, outside it). */
export const COMPARE_FORM_ID = "compare-versions";

function Share({ value, split }: { value: number | null; split: string | null }) {
  const t = useTranslations("models");
  const locale = asLocale(useLocale());
  if (value === null) return <span className="text-slate-500">—</span>;
  return (
    <span className="font-mono" title={t("onRows", { rows: splitPhrase(split, t) })}>
      {formatShare(value, locale)}
    </span>
  );
}

function GpuEvents({ count }: { count: number | null }) {
  const t = useTranslations("models");
  const locale = asLocale(useLocale());
  if (count === null) return <span className="text-slate-500">{t("notKnown")}</span>;
  return (
    <span className={count > 0 ? "text-amber-300" : ""}>{count === 0 ? t("none") : formatNumber(count, locale)}</span>
  );
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
  const t = useTranslations("models");
  const header = (column: string, label: string, isNumeric = false) => (
    <SortHeader column={column} current={sort} href={sortHref} isNumeric={isNumeric}>
      {label}
    </SortHeader>
  );
  return (
    <Table label={t("versions.table")}>
      <THead>
        <Th>
          <span className="sr-only">{t("versions.col.compare")}</span>
        </Th>
        {header("version", t("versions.col.version"))}
        {header("created", t("versions.col.registered"))}
        <Th>{t("versions.col.trainedOn")}</Th>
        <Th>{t("versions.col.aliases")}</Th>
        <Th>{t("versions.col.verdict")}</Th>
        {header("accuracy", t("versions.col.accuracy"), true)}
        {header("f1", t("versions.col.f1"), true)}
        <Th>{t("versions.col.rows")}</Th>
        {header("energy", t("versions.col.energy"))}
        <Th isNumeric>{t("versions.col.gpuEvents")}</Th>
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
                  aria-label={t("versions.compareVersion", { version: v.version })}
                  className="size-3.5 accent-emerald-500"
                />
              </Td>
              <Td isMono>
                <Link href={versionHref(v.name, v.version)} className="text-sky-300 hover:underline">
                  {versionTag(v.version)}
                </Link>
                {v.archived && (
                  <span className="ml-2">
                    <Badge>{t("archived")}</Badge>
                  </span>
                )}
              </Td>
              <Td isMuted>
                <UtcTime iso={v.createdAt} />
                <span className="block text-[11px] text-slate-500" data-stored-text>
                  {v.createdBy}
                </span>
              </Td>
              <Td isMono isMuted>
                {datasetHref ? (
                  <Link href={datasetHref} className="text-sky-300 hover:underline">
                    {v.dataset}
                  </Link>
                ) : (
                  <span title={t("versions.externalTitle")}>{t("versions.external")}</span>
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
                {v.accuracy === null ? t("notEvaluated") : splitPhrase(v.split, t)}
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
