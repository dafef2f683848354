import Link from "next/link";
import { useTranslations } from "next-intl";
import { hrefWith } from "@/components/ui/pager";
import { ScrollArea } from "@/components/ui/scroll-area";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { objectHref } from "@/lib/audit/object-links";
import type { AuditEventOut } from "@/lib/audit/schemas";

const DETAILS_PREVIEW_CHARS = 140;

function actionClass(action: string): string {
  if (action.endsWith("_failed") || action.endsWith(".failed")) return "text-rose-300";
  if (action.endsWith(".revoke") || action.endsWith(".delete")) return "text-amber-300";
  return "text-sky-300";
}

// Actors, actions and targets are recorded identifiers (user:admin, auth.login_failed,
// server:gpu-07), and the links' titles repeat them: marked data-stored-text so the
// language scan does not read "failed" or "server" in them as untranslated words.

/** A cell value that narrows the list to rows with the same value when clicked. */
function FilterLink({ name, value, className = "" }: { name: "actor" | "action"; value: string; className?: string }) {
  const t = useTranslations("audit.table");
  return (
    <Link
      href={hrefWith("/audit", { [name]: value })}
      data-stored-text
      title={name === "actor" ? t("onlyActor", { value }) : t("onlyAction", { value })}
      className={`hover:underline ${className}`}
    >
      {value}
    </Link>
  );
}

/** The target, linked to its object's page where it has one, and a way to that object's whole history. */
function TargetCell({ target }: { target: string }) {
  const href = objectHref(target);
  const t = useTranslations("audit.table");
  return (
    <div className="flex flex-wrap items-baseline gap-x-2">
      {href ? (
        <Link
          href={href}
          title={t("open", { target })}
          className="text-slate-100 underline-offset-2 hover:underline"
          data-stored-text
        >
          {target}
        </Link>
      ) : (
        <span data-stored-text>{target}</span>
      )}
      <Link
        href={hrefWith("/audit", { object: target })}
        title={t("historyOf", { target })}
        data-stored-text
        className="font-sans text-[11px] text-slate-500 hover:text-slate-200 hover:underline"
      >
        {t("history")}
      </Link>
    </div>
  );
}

/**
 * Details as one line of compact JSON; a longer one opens to the whole of it,
 * pretty-printed, so nothing recorded is ever out of reach.
 */
function DetailsCell({ details }: { details: unknown }) {
  const t = useTranslations("audit.table");
  if (details === null || details === undefined) return <span className="text-slate-600">—</span>;
  const compact = JSON.stringify(details);
  if (compact.length <= DETAILS_PREVIEW_CHARS) return <span className="block break-all">{compact}</span>;
  return (
    <details className="group">
      {/* flex, not the default list-item, so the preview can truncate; the arrow replaces the marker. */}
      <summary className="flex cursor-pointer list-none gap-1 [&::-webkit-details-marker]:hidden" title={t("showAll")}>
        <span aria-hidden className="inline-block text-slate-500 transition-transform group-open:rotate-90">
          ▸
        </span>
        <span className="line-clamp-2 break-all">{compact}</span>
      </summary>
      <ScrollArea
        as="pre"
        label={t("eventDetails")}
        className="mt-1 max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-950/60 p-2 text-[11px] text-slate-300"
      >
        {JSON.stringify(details, null, 2)}
      </ScrollArea>
    </details>
  );
}

export function AuditTable({ events }: { events: AuditEventOut[] }) {
  const t = useTranslations("audit.table");
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("at")}</Th>
        <Th>{t("actor")}</Th>
        <Th>{t("action")}</Th>
        <Th>{t("target")}</Th>
        <Th>{t("details")}</Th>
        <Th isNumeric>{t("event")}</Th>
      </THead>
      <TBody>
        {events.length === 0 && <EmptyRow colSpan={6}>{t("empty")}</EmptyRow>}
        {events.map((e) => (
          <Tr key={e.id} testId="audit-row">
            <Td isMuted>
              <UtcTime iso={e.at} />
            </Td>
            <Td isMono>
              <FilterLink name="actor" value={e.actor} />
            </Td>
            <Td isMono>
              <FilterLink name="action" value={e.action} className={actionClass(e.action)} />
            </Td>
            {/* Not isMono's nowrap: a long target (a GPU's UUID) wraps rather than squeezing the details. */}
            <Td className="min-w-[10rem] break-all font-mono text-[12px]">
              <TargetCell target={e.target} />
            </Td>
            {/* Width 100% with max-width 0: the column takes the room the others leave, and
                its text wraps or truncates inside it instead of widening the table. */}
            {/* Recorded data (values as they were stored), not words of the page: the language scan skips it. */}
            <Td isMuted className="w-full min-w-[18rem] max-w-0 font-mono text-[12px]">
              <div data-stored-text>
                <DetailsCell details={e.details} />
              </div>
            </Td>
            <Td isMono isMuted isNumeric>
              <span title={t("hash", { hash: e.hash })} translate="no">
                #{e.id}
              </span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
