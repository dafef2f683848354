import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "good" | "warn" | "bad" | "info" | "accent";

const toneClass: Record<BadgeTone, string> = {
  neutral: "bg-slate-800/80 text-slate-300 ring-slate-700",
  good: "bg-emerald-500/10 text-emerald-300 ring-emerald-500/30",
  warn: "bg-amber-500/10 text-amber-300 ring-amber-500/30",
  bad: "bg-rose-500/10 text-rose-300 ring-rose-500/30",
  info: "bg-sky-500/10 text-sky-300 ring-sky-500/30",
  accent: "bg-violet-500/10 text-violet-300 ring-violet-500/30",
};

const dotClass: Record<BadgeTone, string> = {
  neutral: "bg-slate-400",
  good: "bg-emerald-400",
  warn: "bg-amber-400",
  bad: "bg-rose-400",
  info: "bg-sky-400",
  accent: "bg-violet-400",
};

/** A small status pill. `hasDot` adds a coloured dot for states that should catch the eye in a dense table. */
export function Badge({
  tone = "neutral",
  hasDot = false,
  children,
}: {
  tone?: BadgeTone;
  hasDot?: boolean;
  children: ReactNode;
}) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-[11px] font-medium leading-4 ring-1 ring-inset ${toneClass[tone]}`}
    >
      {hasDot && <span aria-hidden className={`size-1.5 rounded-full ${dotClass[tone]}`} />}
      {children}
    </span>
  );
}

/** The dot alone, for legends and meters. */
export function ToneDot({ tone }: { tone: BadgeTone }) {
  return <span aria-hidden className={`inline-block size-2 shrink-0 rounded-full ${dotClass[tone]}`} />;
}
