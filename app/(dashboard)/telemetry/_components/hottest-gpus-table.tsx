import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Age } from "@/components/ui/age";
import { GpuHealthBadge } from "@/components/ui/gpu-health-badge";
import { tempColour } from "@/components/ui/heat-scale";
import { gpuHref, serverHref } from "@/components/ui/inventory-links";
import { formatTempC } from "@/components/ui/readings";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { asLocale } from "@/lib/i18n/locales";
import type { HotGpu } from "@/lib/telemetry/views/fleet-heat";

/** The hottest reporting GPUs, hottest first; each links to its GPU page. */
export function HottestGpusTable({
  gpus,
  windowMinutes,
  nowMs,
}: {
  gpus: HotGpu[];
  windowMinutes: number;
  nowMs: number;
}) {
  const t = useTranslations("telemetry.hottest");
  const locale = asLocale(useLocale());
  return (
    <Table label={t("title")}>
      <THead>
        <Th isNumeric>{t("temp")}</Th>
        <Th>{t("gpu")}</Th>
        <Th>{t("model")}</Th>
        <Th>{t("health")}</Th>
        <Th>{t("reported")}</Th>
      </THead>
      <TBody>
        {gpus.length === 0 && <EmptyRow colSpan={5}>{t("empty", { minutes: windowMinutes })}</EmptyRow>}
        {gpus.map((g) => (
          <Tr key={g.uuid} testId="hot-gpu-row">
            <Td isNumeric isMono className="font-medium">
              <span className="inline-flex items-center gap-1.5">
                <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: tempColour(g.tempC) }} />
                {formatTempC(g.tempC, locale)}
              </span>
            </Td>
            <Td isMono>
              <Link href={serverHref(g.hostname)} className="text-slate-300 hover:text-emerald-300 hover:underline">
                {g.hostname}
              </Link>
              <span className="text-slate-600"> · </span>
              <Link
                href={gpuHref(g.uuid)}
                className="text-emerald-300 hover:underline"
                aria-label={t("gpuLink", { index: g.index, hostname: g.hostname })}
              >
                #{g.index}
              </Link>
            </Td>
            <Td isMuted className="whitespace-nowrap">
              {g.model}
            </Td>
            <Td>
              <GpuHealthBadge health={g.health} />
            </Td>
            <Td isMuted>
              <Age iso={g.at} nowMs={nowMs} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
