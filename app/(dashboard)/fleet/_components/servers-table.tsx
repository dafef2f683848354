import Link from "next/link";
import { useTranslations } from "next-intl";
import { rackHref, serverHref } from "@/components/ui/inventory-links";
import { formatRackUnits } from "@/components/ui/rack-units";
import { ServerStatusBadge } from "@/components/ui/server-status-badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ServerOut } from "@/lib/inventory/schemas";

const linkClass = "hover:text-emerald-300 hover:underline";

export function ServersTable({ servers }: { servers: ServerOut[] }) {
  const t = useTranslations("fleet.table");
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("hostname")}</Th>
        <Th>{t("status")}</Th>
        <Th>{t("site")}</Th>
        <Th>{t("rack")}</Th>
        <Th>{t("position")}</Th>
        <Th>{t("model")}</Th>
        <Th>{t("serial")}</Th>
        <Th isNumeric>{t("gpus")}</Th>
      </THead>
      <TBody>
        {servers.length === 0 && <EmptyRow colSpan={8}>{t("empty")}</EmptyRow>}
        {servers.map((s) => (
          <Tr key={s.hostname} testId="server-row">
            <Td isMono className="font-medium text-slate-50">
              <Link href={serverHref(s.hostname)} className="text-emerald-300 hover:underline">
                {s.hostname}
              </Link>
            </Td>
            <Td>
              <ServerStatusBadge status={s.status} />
            </Td>
            <Td isMono isMuted>
              {s.site}
            </Td>
            <Td isMono>
              <Link href={rackHref(s.site, s.rack)} className={linkClass} title={t("rackTitle", { rack: s.rack })}>
                {s.rack}
              </Link>
            </Td>
            <Td isMono isMuted>
              <Link
                href={rackHref(s.site, s.rack, s.hostname)}
                className={linkClass}
                title={t("positionTitle", { hostname: s.hostname, rack: s.rack })}
              >
                {formatRackUnits(s.positionU, s.heightU)}
              </Link>
            </Td>
            <Td isMuted>{s.model ?? "—"}</Td>
            <Td isMono isMuted>
              {s.serial ?? "—"}
            </Td>
            <Td isNumeric isMono>
              {s.gpuCount}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
