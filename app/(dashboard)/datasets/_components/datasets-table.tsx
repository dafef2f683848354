import Link from "next/link";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { DatasetSummaryOut } from "@/lib/datasets/dataset-views";
import { formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

/** The dataset page of a name, optionally pinned to a version. */
export function datasetHref(name: string, version?: number): string {
  return `/datasets/${encodeURIComponent(name)}${version === undefined ? "" : `?version=${version}`}`;
}

export function DatasetsTable({ datasets, canUpload }: { datasets: DatasetSummaryOut[]; canUpload: boolean }) {
  return (
    <Table label="Datasets">
      <THead>
        <Th>Name</Th>
        <Th isNumeric>Latest version</Th>
        <Th isNumeric>Rows</Th>
        <Th isNumeric>Columns</Th>
        <Th>Uploaded by</Th>
        <Th>Uploaded at</Th>
        <Th>Bytes hash</Th>
        <Th>Cleaned hash</Th>
      </THead>
      <TBody>
        {datasets.length === 0 && (
          <EmptyRow colSpan={8}>No datasets yet.{canUpload ? " Upload a CSV above to create the first." : ""}</EmptyRow>
        )}
        {datasets.map((d) => (
          <Tr key={d.name} testId="dataset-row">
            <Td isMono className="font-medium">
              <Link href={datasetHref(d.name)} className="text-emerald-300 hover:underline">
                {d.name}
              </Link>
            </Td>
            <Td isNumeric isMono>
              v{d.latest.version}
              {d.versions > 1 && <span className="text-slate-500"> of {d.versions}</span>}
            </Td>
            <Td isNumeric isMono>
              {formatNumber(d.latest.rows, untranslatedLocale, 3)}
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
              <span title={`sha256 of the uploaded bytes: ${d.latest.contentHash}`}>
                {d.latest.contentHash.slice(0, 12)}
              </span>
            </Td>
            <Td isMono isMuted>
              <span title={`sha256 of the cleaned data training reads: ${d.latest.cleanedHash}`}>
                {d.latest.cleanedHash.slice(0, 12)}
              </span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
