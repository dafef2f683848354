import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { gpuHref } from "@/components/ui/inventory-links";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { GpuEventsOut } from "@/lib/models/schemas";

const kindTone: Record<GpuEventsOut["events"][number]["kind"], BadgeTone> = {
  xid: "bad",
  throttle: "warn",
  temperature: "warn",
};

/**
 * What the run's GPUs showed while it held them: each XID, throttle and
 * temperature excursion with its times, and the sentence that says what the
 * list rests on. When the events are not known the list says so: an empty
 * list from silent GPUs is not a clean run.
 */
export function GpuEvents({
  events,
  whyNone,
  isCompact = false,
  tableLabel = "GPU events during the run",
}: {
  events: GpuEventsOut | null;
  /** What to say when nothing was read at all (no GPU held, an external model). */
  whyNone: string;
  isCompact?: boolean;
  /** The table's accessible name: what the events are of. */
  tableLabel?: string;
}) {
  if (!events)
    return (
      <p className="text-sm text-slate-400" data-testid="gpu-events-basis">
        {whyNone}
      </p>
    );
  const isUnknown = events.gpusReporting === 0;
  return (
    <div className="space-y-2" data-testid="gpu-events" data-known={!isUnknown || undefined}>
      <p className={`text-[13px] ${isUnknown ? "text-amber-200" : "text-slate-300"}`} data-testid="gpu-events-basis">
        {isUnknown
          ? events.basis
          : events.events.length === 0
            ? `None. ${events.basis}`
            : `${events.events.length} event${events.events.length === 1 ? "" : "s"}. ${events.basis}`}
      </p>
      {events.events.length > 0 && (
        <div className={isCompact ? "" : "-mx-4 border-t border-slate-800"}>
          <Table label={tableLabel}>
            <THead>
              <Th>From (UTC)</Th>
              <Th>To (UTC)</Th>
              <Th>GPU</Th>
              <Th>Kind</Th>
              <Th>What</Th>
              <Th isNumeric>Samples</Th>
            </THead>
            <TBody>
              {events.events.map((e) => (
                <Tr key={`${e.uuid}:${e.kind}:${e.from}`} testId="gpu-event">
                  <Td isMuted>
                    <UtcTime iso={e.from} />
                  </Td>
                  <Td isMuted>
                    <UtcTime iso={e.to} />
                  </Td>
                  <Td isMono>
                    <Link href={gpuHref(e.uuid)} className="text-sky-300 hover:underline">
                      {e.uuid.slice(0, 12)}…
                    </Link>
                    {e.hostname && <span className="ml-1 text-slate-500">on {e.hostname}</span>}
                  </Td>
                  <Td>
                    <Badge tone={kindTone[e.kind]}>{e.kind}</Badge>
                  </Td>
                  <Td className="text-[12px]">{e.text}</Td>
                  <Td isNumeric isMuted>
                    {e.samples}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </div>
  );
}
