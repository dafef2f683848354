import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { DatasetSummaryOut } from "@/lib/datasets/dataset-views";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";

/** The dataset page of a name, optionally pinned to a version. */
export function datasetHref(name: string, version?: number): string {
  return `/datasets/${encodeURIComponent(name)}${version === undefined ? "" : `?version=${version}`}`;
}

export function DatasetsTable({ datasets, canUpload }: { datasets: DatasetSummaryOut[]; canUpload: boolean }) {
  const t = useTranslations("datasets.table");
  const tv = useTranslations("datasets");
  const locale = asLocale(useLocale());
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("name")}</Th>
        <Th isNumeric>{t("latestVersion")}</Th>
        <Th isNumeric>{t("rows")}</Th>
        <Th isNumeric>{t("columns")}</Th>
        <Th>{t("uploadedBy")}</Th>
        <Th>{t("uploadedAt")}</Th>
        <Th>{t("bytesHash")}</Th>
        <Th>{t("cleanedHash")}</Th>
      </THead>
      <TBody>
        {datasets.length === 0 && <EmptyRow colSpan={8}>{canUpload ? t("emptyCanUpload") : t("empty")}</EmptyRow>}
        {datasets.map((d) => (
          <Tr key={d.name} testId="dataset-row">
            <Td isMono className="font-medium">
              <Link href={datasetHref(d.name)} className="text-emerald-300 hover:underline">
                {d.name}
              </Link>
            </Td>
            <Td isNumeric isMono>
              {tv("versionLabel", { version: d.latest.version })}
              {d.versions > 1 && <span className="text-slate-500"> {t("ofVersions", { count: d.versions })}</span>}
            </Td>
            <Td isNumeric isMono>
              {formatNumber(d.latest.rows, locale, 3)}
            </Td>
            <Td isNumeric isMono>
              {d.latest.columnCount}
            </Td>
            <Td isMono isMuted>
              {d.latest.createdBy}
            </Td>
            <Td>
              <UtcTime iso={d.latest.createdAt} />
            </Td>
            <Td isMono isMuted>
              <span title={t("bytesHashTitle", { hash: d.latest.contentHash })}>
                {d.latest.contentHash.slice(0, 12)}
              </span>
            </Td>
            <Td isMono isMuted>
              <span title={t("cleanedHashTitle", { hash: d.latest.cleanedHash })}>
                {d.latest.cleanedHash.slice(0, 12)}
              </span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
