import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { gpuHref, serverHref } from "@/components/ui/inventory-links";
import { Card } from "@/components/ui/card";
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
  return (
    <div className="mt-4 grid gap-4 xl:grid-cols-5">
      <Card
        title="GPUs needing attention"
        description="Degraded or failed, with every cause, whether telemetry still reports, and who has acknowledged it."
        isFlush
        className="xl:col-span-3"
      >
        <Table label="GPUs needing attention">
          <THead>
            <Th>Host</Th>
            <Th isNumeric>GPU</Th>
            <Th>Model</Th>
            <Th>Health</Th>
            <Th>Reason</Th>
          </THead>
          <TBody>
            {gpus.length === 0 && <EmptyRow colSpan={5}>Every GPU reports healthy.</EmptyRow>}
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
                    aria-label={`GPU #${g.index} on ${g.hostname}`}
                  >
                    #{g.index}
                  </Link>
                </Td>
                <Td isMuted className="whitespace-nowrap">
                  {g.model}
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    <Link href={gpuHref(g.uuid)} aria-label={`GPU #${g.index} on ${g.hostname}: ${g.health}`}>
                      <Badge tone={g.health === "failed" ? "bad" : "warn"} hasDot>
                        {g.health}
                      </Badge>
                    </Link>
                    <TelemetryStateBadge state={g.telemetry} lastSeenAt={g.lastSeenAt} nowMs={nowMs} />
                  </span>
                </Td>
                <Td isMuted>
                  {g.reason ?? "—"}
                  {g.ack && (
                    <span className="block text-[11px] text-slate-500" data-testid="gpu-ack">
                      {g.ack.kind} by {g.ack.by.replace(/^(user|token):/, "")}: {g.ack.note}
                    </span>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
      <Card
        title="In maintenance"
        description="Servers marked maintenance in the inventory."
        isFlush
        className="xl:col-span-2"
      >
        <Table label="Servers in maintenance">
          <THead>
            <Th>Host</Th>
            <Th>Rack</Th>
            <Th isNumeric>GPUs</Th>
          </THead>
          <TBody>
            {maintenance.length === 0 && <EmptyRow colSpan={3}>No server is in maintenance.</EmptyRow>}
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
