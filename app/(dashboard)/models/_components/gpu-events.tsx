import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { gpuHref } from "@/components/ui/inventory-links";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
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
 * list from silent GPUs is not a clean run. The basis sentence and each
 * event's text are written by lib/models when the events are read: stored
 * prose here, marked as such.
 */
export function GpuEvents({
  events,
  whyNone,
  isCompact = false,
  tableLabel,
}: {
  events: GpuEventsOut | null;
  /** What to say when nothing was read at all (no GPU held, an external model). */
  whyNone: string;
  isCompact?: boolean;
  /** The table's accessible name: what the events are of. */
  tableLabel?: string;
}) {
  const t = useTranslations("models.gpuEvents");
  const locale = asLocale(useLocale());
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
        {!isUnknown && <>{events.events.length === 0 ? t("none") : t("count", { count: events.events.length })} </>}
        <span data-stored-text>{events.basis}</span>
      </p>
      {events.events.length > 0 && (
        <div className={isCompact ? "" : "-mx-4 border-t border-slate-800"}>
          <Table label={tableLabel ?? t("table")}>
            <THead>
              <Th>{t("from")}</Th>
              <Th>{t("to")}</Th>
              <Th>{t("gpu")}</Th>
              <Th>{t("kind")}</Th>
              <Th>{t("what")}</Th>
              <Th isNumeric>{t("samples")}</Th>
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
                    {e.hostname && <span className="ml-1 text-slate-500">{t("onHost", { hostname: e.hostname })}</span>}
                  </Td>
                  <Td>
                    <Badge tone={kindTone[e.kind]}>{t(`kinds.${e.kind}`)}</Badge>
                  </Td>
                  <Td className="text-[12px]">
                    <span data-stored-text>{e.text}</span>
                  </Td>
                  <Td isNumeric isMuted>
                    {formatNumber(e.samples, locale)}
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
