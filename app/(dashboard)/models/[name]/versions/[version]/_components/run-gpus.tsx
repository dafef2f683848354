import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { gpuHref, rackHref, serverHref } from "@/components/ui/inventory-links";
import { formatDuration } from "@/components/ui/model-figures";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { asLocale } from "@/lib/i18n/locales";
import type { LineageGpu } from "@/lib/models/schemas";

/** The GPUs the run held, where they sat, and for how long (null fields: the GPU left the inventory since). */
export function RunGpus({ gpus }: { gpus: LineageGpu[] }) {
  const t = useTranslations("models.version.gpus");
  const locale = asLocale(useLocale());
  return (
    <Table label={t("table")}>
      <THead>
        <Th>{t("col.gpu")}</Th>
        <Th>{t("col.model")}</Th>
        <Th>{t("col.host")}</Th>
        <Th>{t("col.rack")}</Th>
        <Th>{t("col.site")}</Th>
        <Th>{t("col.from")}</Th>
        <Th>{t("col.to")}</Th>
      </THead>
      <TBody>
        {gpus.length === 0 && <EmptyRow colSpan={7}>{t("empty")}</EmptyRow>}
        {gpus.map((g) => (
          <Tr key={`${g.uuid}:${g.from}`} testId="run-gpu">
            <Td isMono>
              <Link href={gpuHref(g.uuid)} className="text-sky-300 hover:underline">
                {g.uuid}
              </Link>
              {g.index !== null && <span className="ml-1 text-slate-500">#{g.index}</span>}
            </Td>
            <Td isMuted>{g.model ?? "—"}</Td>
            <Td isMono>
              {g.hostname ? (
                <Link href={serverHref(g.hostname)} className="text-sky-300 hover:underline">
                  {g.hostname}
                </Link>
              ) : (
                "—"
              )}
            </Td>
            <Td isMono>
              {g.rack && g.site ? (
                <Link href={rackHref(g.site, g.rack, g.hostname ?? undefined)} className="text-sky-300 hover:underline">
                  {g.rack}
                </Link>
              ) : (
                (g.rack ?? "—")
              )}
            </Td>
            <Td isMono isMuted>
              {g.site ?? "—"}
            </Td>
            <Td isMuted>
              <UtcTime iso={g.from} />
            </Td>
            <Td isMuted>
              <UtcTime iso={g.to} />
              <span className="ml-2 text-[11px] text-slate-500">{formatDuration(g.from, g.to, locale)}</span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
