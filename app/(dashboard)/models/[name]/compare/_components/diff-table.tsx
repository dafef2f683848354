"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { EmptyRow, Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { versionTag } from "@/components/ui/model-figures";
import type { DiffRow } from "@/lib/models/outputs";

/** A value as text: absent is "—", an empty list is "(none)". */
const show = (v: DiffRow["values"][number], empty: string) => (v === null ? "—" : v === "" ? empty : String(v));

/**
 * Settings side by side, one column per version. Rows whose values differ are
 * shaded and say "differs" in words; a toggle hides the rows that are the same.
 */
export function DiffTable({ label, versions, rows }: { label: string; versions: number[]; rows: DiffRow[] }) {
  const t = useTranslations("models.compare.diff");
  const [isOnlyDiff, setIsOnlyDiff] = useState(false);
  const toggleId = useId();
  const differing = rows.filter((r) => r.differs).length;
  const shown = isOnlyDiff ? rows.filter((r) => r.differs) : rows;
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-xs text-slate-400">
        <span data-testid="diff-count">
          {differing === 0 ? t("none") : t("count", { differing, count: rows.length })}
        </span>
        <label htmlFor={toggleId} className="flex items-center gap-1.5 text-[13px] text-slate-300">
          <input
            id={toggleId}
            type="checkbox"
            checked={isOnlyDiff}
            onChange={(e) => setIsOnlyDiff(e.target.checked)}
            className="size-3.5 accent-emerald-500"
          />
          {t("onlyDifferences")}
        </label>
      </div>
      <Table label={label}>
        <THead>
          <Th>{t("setting")}</Th>
          {versions.map((v) => (
            <Th key={v}>{versionTag(v)}</Th>
          ))}
          <Th>
            <span className="sr-only">{t("differsQ")}</span>
          </Th>
        </THead>
        <TBody>
          {shown.length === 0 && (
            <EmptyRow colSpan={versions.length + 2}>{rows.length === 0 ? t("nothing") : t("allSame")}</EmptyRow>
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
                {/* A dotted setting name (model.hidden, feature.age.scale.mean): an identifier, not prose. */}
                <span data-stored-text>{r.key}</span>
              </Td>
              {r.values.map((v, i) => (
                <Td key={i} isMono isMuted={!r.differs} className="max-w-80 truncate">
                  {/* Settings' values are data (numbers, names, the dataset's categories). */}
                  <span title={show(v, t("empty"))} data-stored-text>
                    {show(v, t("empty"))}
                  </span>
                </Td>
              ))}
              <Td className="text-[11px] font-medium uppercase tracking-wider text-amber-300">
                {r.differs ? t("differs") : ""}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
