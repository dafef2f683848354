import Link from "next/link";
import { hrefWith } from "@/components/ui/pager";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import type { AuditEventOut } from "@/lib/audit/schemas";

const DETAILS_PREVIEW_CHARS = 140;

// Compact one-line JSON; the full text stays in the title for hovering.
function compactJson(details: unknown): { text: string; full: string } | null {
  if (details === null || details === undefined) return null;
  const full = JSON.stringify(details);
  const text = full.length > DETAILS_PREVIEW_CHARS ? `${full.slice(0, DETAILS_PREVIEW_CHARS - 1)}…` : full;
  return { text, full };
}

function actionClass(action: string): string {
  if (action.endsWith("_failed") || action.endsWith(".failed")) return "text-rose-300";
  if (action.endsWith(".revoke") || action.endsWith(".delete")) return "text-amber-300";
  return "text-sky-300";
}

/** A cell value that narrows the list to rows with the same value when clicked. */
function FilterLink({
  name,
  value,
  className = "",
}: {
  name: "actor" | "action" | "target";
  value: string;
  className?: string;
}) {
  return (
    <Link
      href={hrefWith("/audit", { [name]: value })}
      title={`Only ${name} ${value}`}
      className={`hover:underline ${className}`}
    >
      {value}
    </Link>
  );
}

export function AuditTable({ events }: { events: AuditEventOut[] }) {
  return (
    <Table label="Audit events">
      <THead>
        <Th>At (UTC)</Th>
        <Th>Actor</Th>
        <Th>Action</Th>
        <Th>Target</Th>
        <Th>Details</Th>
      </THead>
      <TBody>
        {events.length === 0 && <EmptyRow colSpan={5}>No audit event matches these filters.</EmptyRow>}
        {events.map((e, i) => {
          const details = compactJson(e.details);
          return (
            <Tr key={`${e.at}-${i}`} testId="audit-row">
              <Td isMuted>
                <UtcTime iso={e.at} />
              </Td>
              <Td isMono>
                <FilterLink name="actor" value={e.actor} />
              </Td>
              <Td isMono>
                <FilterLink name="action" value={e.action} className={actionClass(e.action)} />
              </Td>
              <Td isMono>
                <FilterLink name="target" value={e.target} />
              </Td>
              <Td isMono isMuted>
                {details ? (
                  // A block with a max width: `truncate` on a table cell alone would let the table grow instead.
                  <span title={details.full} className="block max-w-[30rem] truncate">
                    {details.text}
                  </span>
                ) : (
                  <span className="text-slate-600">—</span>
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
