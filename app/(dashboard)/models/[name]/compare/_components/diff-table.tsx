"use client";

import { useId, useState } from "react";
import { EmptyRow, Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { DiffRow } from "@/lib/models/outputs";

/** A value as text: absent is "—", an empty list is "(none)". */
const show = (v: DiffRow["values"][number]) => (v === null ? "—" : v === "" ? "(none)" : String(v));

/**
 * Settings side by side, one column per version. Rows whose values differ are
 * shaded and say "differs" in words; a toggle hides the rows that are the same.
 */
export function DiffTable({ label, versions, rows }: { label: string; versions: number[]; rows: DiffRow[] }) {
  const [isOnlyDiff, setIsOnlyDiff] = useState(false);
  const toggleId = useId();
  const differing = rows.filter((r) => r.differs).length;
  const shown = isOnlyDiff ? rows.filter((r) => r.differs) : rows;
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-xs text-slate-400">
        <span data-testid="diff-count">
          {differing === 0 ? "No row differs" : `${differing} of ${rows.length} rows differ`}
        </span>
        <label htmlFor={toggleId} className="flex items-center gap-1.5 text-[13px] text-slate-300">
          <input
            id={toggleId}
            type="checkbox"
            checked={isOnlyDiff}
            onChange={(e) => setIsOnlyDiff(e.target.checked)}
            className="size-3.5 accent-emerald-500"
          />
          Show only differences
        </label>
      </div>
      <Table label={label}>
        <THead>
          <Th>Setting</Th>
          {versions.map((v) => (
            <Th key={v}>v{v}</Th>
          ))}
          <Th>
            <span className="sr-only">Differs?</span>
          </Th>
        </THead>
        <TBody>
          {shown.length === 0 && (
            <EmptyRow colSpan={versions.length + 2}>
              {rows.length === 0 ? "Nothing recorded." : "Every row is the same in these versions."}
            </EmptyRow>
          )}
          {shown.map((r) => (
            <tr
              key={r.key}
              data-testid="diff-row"
              data-key={r.key}
              data-differs={r.differs || undefined}
              className={r.differs ? "bg-amber-500/10" : ""}
            >
              <Td isMono className={r.differs ? "text-amber-100" : ""}>
                {r.key}
              </Td>
              {r.values.map((v, i) => (
                <Td key={i} isMono isMuted={!r.differs} className="max-w-80 truncate">
                  <span title={show(v)}>{show(v)}</span>
                </Td>
              ))}
              <Td className="text-[11px] font-medium uppercase tracking-wider text-amber-300">
                {r.differs ? "differs" : ""}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
