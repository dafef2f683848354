import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { SiteOverview } from "@/lib/inventory/site-overview";

function PowerCap({ kw }: { kw: number }) {
  const locale = asLocale(useLocale());
  return (
    <>
      {formatNumber(kw, locale, 3)} <span className="text-slate-500">kW</span>
    </>
  );
}

export function SitesCard({ sites, className }: { sites: SiteOverview[]; className?: string }) {
  const t = useTranslations("overview.sites");
  const total = (count: (s: SiteOverview) => number) => sites.reduce((sum, s) => sum + count(s), 0);
  return (
    <Card title={t("title")} description={t("description")} isFlush className={className}>
      <Table label={t("title")}>
        <THead>
          <Th>{t("site")}</Th>
          <Th>{t("timezone")}</Th>
          <Th isNumeric>{t("racks")}</Th>
          <Th isNumeric>{t("servers")}</Th>
          <Th isNumeric>{t("gpus")}</Th>
          <Th isNumeric>{t("powerCap")}</Th>
        </THead>
        <TBody>
          {sites.length === 0 && <EmptyRow colSpan={6}>{t("empty", { endpoint: "POST /api/v1/sites" })}</EmptyRow>}
          {sites.map((s) => (
            <Tr key={s.name}>
              <Td isMono>
                <Link href={`/fleet?site=${encodeURIComponent(s.name)}`} className="text-emerald-300 hover:underline">
                  {s.name}
                </Link>
              </Td>
              <Td isMuted>{s.timezone}</Td>
              <Td isNumeric>{s.racks}</Td>
              <Td isNumeric>{s.servers}</Td>
              <Td isNumeric>{s.gpus}</Td>
              <Td isNumeric>
                <PowerCap kw={s.powerCapKw} />
              </Td>
            </Tr>
          ))}
        </TBody>
        {sites.length > 1 && (
          <TFoot>
            <Td>{t("allSites")}</Td>
            <Td />
            <Td isNumeric>{total((s) => s.racks)}</Td>
            <Td isNumeric>{total((s) => s.servers)}</Td>
            <Td isNumeric>{total((s) => s.gpus)}</Td>
            <Td isNumeric>
              <PowerCap kw={total((s) => s.powerCapKw)} />
            </Td>
          </TFoot>
        )}
      </Table>
    </Card>
  );
}
