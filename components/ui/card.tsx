import type { ReactNode } from "react";
import { ToneDot, type BadgeTone } from "./badge";

// min-w-0: in a grid or flex row a card keeps to its track, and a wide table inside scrolls instead of spilling out.
const surface = "min-w-0 rounded-lg border border-slate-800 bg-slate-900/50 shadow-sm shadow-black/20";

/** A titled panel. Content is padded unless `isFlush` (tables bring their own padding). */
export function Card({
  title,
  description,
  actions,
  isFlush = false,
  className = "",
  children,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  isFlush?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const hasHeader = title !== undefined || actions !== undefined;
  return (
    <section className={`${surface} ${className}`}>
      {hasHeader && (
        <header className="flex items-start justify-between gap-4 border-b border-slate-800 px-4 py-3">
          <div className="min-w-0">
            {title !== undefined && <h2 className="text-sm font-semibold text-slate-100">{title}</h2>}
            {description !== undefined && <p className="mt-0.5 text-xs text-slate-400">{description}</p>}
          </div>
          {actions}
        </header>
      )}
      <div className={isFlush ? "" : "p-4"}>{children}</div>
    </section>
  );
}

export type StatPart = { label: string; value: number; tone: BadgeTone };

/**
 * A headline number with an optional breakdown underneath, e.g. servers by
 * status. The breakdown is drawn as one stacked bar so proportions read at a glance.
 */
export function StatCard({
  label,
  value,
  hint,
  parts,
  partsLabel,
  testId,
}: {
  label: string;
  value: number | string;
  hint?: string;
  parts?: StatPart[];
  /** What the breakdown divides by, e.g. "by status". */
  partsLabel?: string;
  testId?: string;
}) {
  return (
    <section className={`${surface} flex flex-col gap-3 p-4`} data-testid={testId}>
      <div>
        <h2 className="text-xs font-medium uppercase tracking-wider text-slate-400">{label}</h2>
        <p className="mt-1 font-mono text-3xl font-semibold tabular-nums text-slate-50">{value}</p>
        {hint && <p className="mt-0.5 text-xs text-slate-500">{hint}</p>}
      </div>
      {parts && parts.length > 0 && <StatBreakdown parts={parts} label={partsLabel} />}
    </section>
  );
}

function StatBreakdown({ parts, label }: { parts: StatPart[]; label?: string }) {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  return (
    <div className="mt-auto space-y-2">
      {label && <p className="text-[10px] font-medium uppercase tracking-wider text-slate-500">{label}</p>}
      <StackedBar parts={parts} total={total} />
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-400">
        {parts.map((p) => (
          <li key={p.label} className="flex items-center gap-1.5">
            <ToneDot tone={p.tone} />
            <span>{p.label}</span>
            <span className="font-mono tabular-nums text-slate-200">{p.value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const barTone: Record<BadgeTone, string> = {
  neutral: "bg-slate-500",
  good: "bg-emerald-500",
  warn: "bg-amber-400",
  bad: "bg-rose-500",
  info: "bg-sky-500",
  accent: "bg-violet-500",
};

export function StackedBar({ parts, total }: { parts: StatPart[]; total: number }) {
  return (
    <div className="flex h-1.5 w-full gap-px overflow-hidden rounded-full bg-slate-800" aria-hidden>
      {total > 0 &&
        parts
          .filter((p) => p.value > 0)
          .map((p) => (
            // A floor of 2% keeps a single failed GPU visible next to hundreds of healthy ones.
            <div
              key={p.label}
              className={barTone[p.tone]}
              style={{ width: `${Math.max(2, (p.value / total) * 100)}%` }}
            />
          ))}
    </div>
  );
}
