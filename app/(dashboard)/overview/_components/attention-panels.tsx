import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { gpuHref, serverHref } from "@/components/ui/inventory-links";
import { Card } from "@/components/ui/card";
import { HealthCausesText } from "@/components/ui/health-causes-text";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { TelemetryStateBadge } from "@/components/ui/telemetry-state-badge";
import type { ServerOut } from "@/lib/inventory/schemas";
import type { UnhealthyGpu } from "@/lib/inventory/unhealthy-gpus";

function HostLink({ hostname }: { hostname: string }) {
  return (
    <Link href={serverHref(hostname)} className="text-emerald-300 hover:underline">
      {hostname}
    </Link>
  );
}

/** What needs a technician: unhealthy GPUs and servers taken out for maintenance. */
export function AttentionPanels({
  gpus,
  maintenance,
  nowMs,
}: {
  gpus: UnhealthyGpu[];
  maintenance: ServerOut[];
  nowMs: number;
}) {
  const t = useTranslations("overview.attention");
  return (
    <div className="mt-4 grid gap-4 xl:grid-cols-5">
      <Card title={t("gpusTitle")} description={t("gpusDescription")} isFlush className="xl:col-span-3">
        <Table label={t("gpusTitle")}>
          <THead>
            <Th>{t("host")}</Th>
            <Th isNumeric>{t("gpu")}</Th>
            <Th>{t("model")}</Th>
            <Th>{t("health")}</Th>
            <Th>{t("reason")}</Th>
          </THead>
          <TBody>
            {gpus.length === 0 && <EmptyRow colSpan={5}>{t("allHealthy")}</EmptyRow>}
            {gpus.map((g) => (
              <Tr key={g.uuid}>
                <Td isMono>
                  <HostLink hostname={g.hostname} />
                </Td>
                {/* The row is about a GPU: its number opens the GPU's page (the host, the server's). */}
                <Td isMono isNumeric>
                  <Link
                    href={gpuHref(g.uuid)}
                    className="text-emerald-300 hover:underline"
                    data-testid="attention-gpu-link"
                    aria-label={t("gpuOnHost", { index: g.index, hostname: g.hostname })}
                  >
                    #{g.index}
                  </Link>
                </Td>
                <Td isMuted className="whitespace-nowrap">
                  {g.model}
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    <Link
                      href={gpuHref(g.uuid)}
                      aria-label={t("gpuLink", {
                        index: g.index,
                        hostname: g.hostname,
                        health: t(`healthState.${g.health}`),
                      })}
                    >
                      <Badge tone={g.health === "failed" ? "bad" : "warn"} hasDot>
                        {t(`healthState.${g.health}`)}
                      </Badge>
                    </Link>
                    <TelemetryStateBadge state={g.telemetry} lastSeenAt={g.lastSeenAt} nowMs={nowMs} />
                  </span>
                </Td>
                <Td isMuted>
                  <HealthCausesText causes={g.causes} reason={g.reason} />
                  {g.ack && (
                    <span className="block text-[11px] text-slate-500" data-testid="gpu-ack">
                      {t.rich(`ack.${g.ack.kind}`, {
                        by: g.ack.by.replace(/^(user|token):/, ""),
                        note: g.ack.note,
                        stored: (chunks) => <span data-stored-text>{chunks}</span>,
                      })}
                    </span>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
      <Card title={t("maintenanceTitle")} description={t("maintenanceDescription")} isFlush className="xl:col-span-2">
        <Table label={t("maintenanceTable")}>
          <THead>
            <Th>{t("host")}</Th>
            <Th>{t("rack")}</Th>
            <Th isNumeric>{t("gpus")}</Th>
          </THead>
          <TBody>
            {maintenance.length === 0 && <EmptyRow colSpan={3}>{t("noMaintenance")}</EmptyRow>}
            {maintenance.map((s) => (
              <Tr key={s.hostname}>
                <Td isMono>
                  <HostLink hostname={s.hostname} />
                </Td>
                <Td isMono isMuted>
                  {s.rack} · U{s.positionU}
                </Td>
                <Td isNumeric>{s.gpuCount}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </div>
  );
}
