import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyRow, TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import type { ReceiverOut } from "@/lib/alerts/outputs";
import { durationWords } from "./alert-words";
import { ReceiverForm } from "./receiver-form";

/** Where notifications go, how they are grouped and retried; admins add receivers. */
export function ReceiversCard({ receivers, mayReceive }: { receivers: ReceiverOut[]; mayReceive: boolean }) {
  return (
    <Card
      title="Receivers"
      description="Webhooks that take Alertmanager's payload (version 4), signed with HMAC-SHA256; retried with backoff a bounded number of times, then handed to the fallback receiver."
      isFlush
      className="mb-4"
    >
      <Table label="Receivers">
        <THead>
          <Th>Name</Th>
          <Th>URL</Th>
          <Th>Grouping</Th>
          <Th>Retries</Th>
          <Th>State</Th>
        </THead>
        <TBody>
          {receivers.length === 0 && (
            <EmptyRow colSpan={5}>
              No receiver: alerts show here and in the top bar, but nobody is notified.
              {mayReceive ? " Add a webhook below." : " An admin can add a webhook."}
            </EmptyRow>
          )}
          {receivers.map((r) => (
            <Tr key={r.name} testId="receiver-row">
              <Td isMono>
                <Link className="text-emerald-300 hover:underline" href={`/alerts/receivers/${r.name}`}>
                  {r.name}
                </Link>
                {r.isFallback && (
                  <span className="ml-2">
                    <Badge tone="accent">fallback</Badge>
                  </span>
                )}
              </Td>
              <Td isMono isMuted>
                {r.url}
              </Td>
              <Td isMuted>
                by {r.groupBy.join(", ") || "nothing"}; wait {durationWords(r.groupWaitSeconds)}, interval{" "}
                {durationWords(r.groupIntervalSeconds)}, repeat {durationWords(r.repeatIntervalSeconds)}
              </Td>
              <Td isMuted>
                {r.maxAttempts} attempts, {r.timeoutMs} ms each
              </Td>
              <Td>{r.enabled ? <Badge tone="good">enabled</Badge> : <Badge>disabled</Badge>}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {mayReceive && (
        <div className="border-t border-slate-800 p-4">
          <ReceiverForm />
        </div>
      )}
    </Card>
  );
}
