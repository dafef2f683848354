import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { getReceiver, listDeliveries } from "@/lib/alerts/notify/receivers";
import { pagePrincipalWith } from "@/lib/auth/page-session";
import { orNotFound } from "../../../_components/expected-errors";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Receiver" };

const statusTone = { delivered: "good", failed: "bad", pending: "warn", delivering: "info" } as const;

/** A receiver's delivery log: each notification and every attempt at it. */
export default async function ReceiverPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const { allowed: mayReceive } = await pagePrincipalWith("alerts.receivers");
  const receiver = await orNotFound(getReceiver(name, { revealUrls: mayReceive }));
  const log = await listDeliveries(name, { limit: 100 });
  return (
    <>
      <PageHeader
        eyebrow="Alerts"
        title={`Receiver ${receiver.name}`}
        description={
          <>
            {receiver.url} · {receiver.maxAttempts} attempts of at most {receiver.timeoutMs} ms ·{" "}
            <Link href="/alerts" className="underline">
              all alerts
            </Link>
          </>
        }
      />
      <Card title="Delivery log" description="Newest first; each attempt with its answer." isFlush>
        <Table label="Deliveries">
          <THead>
            <Th>Queued</Th>
            <Th>Group</Th>
            <Th>News</Th>
            <Th>State</Th>
            <Th>Attempts</Th>
          </THead>
          <TBody>
            {log.items.length === 0 && <EmptyRow colSpan={5}>Nothing has been sent to this receiver yet.</EmptyRow>}
            {log.items.map((n) => (
              <Tr key={n.id} testId="delivery-row">
                <Td isMuted>
                  <UtcTime iso={n.createdAt} />
                </Td>
                <Td isMono isMuted>
                  {n.groupKey}
                  {n.fallbackOf && <span className="ml-2 text-xs">(fallback for an undelivered notification)</span>}
                </Td>
                <Td>
                  {n.alerts} alert{n.alerts === 1 ? "" : "s"}, {n.payloadStatus}
                </Td>
                <Td>
                  <Badge tone={statusTone[n.status]} hasDot>
                    {n.status}
                  </Badge>
                  {n.lastError && <p className="text-xs text-rose-300">{n.lastError}</p>}
                  {n.nextAttemptAt && (
                    <p className="text-xs text-slate-400">
                      next attempt <UtcTime iso={n.nextAttemptAt} />
                    </p>
                  )}
                </Td>
                <Td isMuted>
                  <ol className="space-y-0.5 text-xs">
                    {n.deliveries.map((d) => (
                      <li key={d.attempt}>
                        #{d.attempt} <UtcTime iso={d.at} />: {d.ok ? `delivered (${d.httpStatus})` : d.error} in{" "}
                        {d.durationMs} ms
                      </li>
                    ))}
                  </ol>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </>
  );
}
