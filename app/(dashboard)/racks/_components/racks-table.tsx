import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { rackHref } from "@/components/ui/inventory-links";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { RackSummary } from "@/lib/inventory/rack-elevation";
import { UnitsBar } from "./units-bar";

function Attention({ rack }: { rack: RackSummary }) {
  const t = useTranslations("racks.attention");
  const marks = [
    rack.gpus.failed > 0 && (
      <Badge key="f" tone="bad" hasDot>
        {t("failed", { count: rack.gpus.failed })}
      </Badge>
    ),
    rack.gpus.degraded > 0 && (
      <Badge key="d" tone="warn" hasDot>
        {t("degraded", { count: rack.gpus.degraded })}
      </Badge>
    ),
    rack.silentGpus > 0 && <Badge key="s">{t("noData", { count: rack.silentGpus })}</Badge>,
    rack.servers.maintenance > 0 && (
      <Badge key="m" tone="warn" hasDot>
        {t("maintenance", { count: rack.servers.maintenance })}
      </Badge>
    ),
    rack.servers.retired > 0 && <Badge key="r">{t("retired", { count: rack.servers.retired })}</Badge>,
  ].filter(Boolean);
  return marks.length > 0 ? (
    <div className="flex flex-wrap gap-1.5">{marks}</div>
  ) : (
    <span className="text-slate-500">—</span>
  );
}

/** One site's racks: fill, servers, GPUs, power cap, and what needs a look. */
export function RacksTable({ site, racks }: { site: string; racks: RackSummary[] }) {
  const t = useTranslations("racks.table");
  const locale = asLocale(useLocale());
  return (
    <Table label={t("label", { site })}>
      <THead>
        <Th>{t("rack")}</Th>
        <Th>{t("unitsUsed")}</Th>
        <Th isNumeric>{t("servers")}</Th>
        <Th isNumeric>{t("gpus")}</Th>
        <Th isNumeric>{t("powerCap")}</Th>
        <Th>{t("needsALook")}</Th>
        <Th>
          <span className="sr-only">{t("elevationColumn")}</span>
        </Th>
      </THead>
      <TBody>
        {racks.map((r) => (
          <Tr key={r.name} testId="rack-row">
            <Td isMono className="font-medium">
              <Link href={rackHref(r.site, r.name)} className="text-emerald-300 hover:underline">
                {r.name}
              </Link>
            </Td>
            <Td className="w-48">
              <UnitsBar usedU={r.usedU} heightU={r.heightU} />
            </Td>
            <Td isNumeric isMono>
              {r.serverCount}
            </Td>
            <Td isNumeric isMono>
              {r.gpuCount}
            </Td>
            <Td isNumeric isMono>
              {r.powerCapKw === null ? (
                "—"
              ) : (
                <>
                  {formatNumber(r.powerCapKw, locale, 3)} <span className="text-slate-500">kW</span>
                </>
              )}
            </Td>
            <Td>
              <Attention rack={r} />
            </Td>
            <Td className="text-right">
              <Link
                href={rackHref(r.site, r.name)}
                className="whitespace-nowrap text-xs text-slate-400 hover:text-emerald-300"
                aria-label={t("elevationOf", { rack: r.name })}
              >
                {t("elevation")}
              </Link>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
