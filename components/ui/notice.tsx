import type { ReactNode } from "react";

export type NoticeTone = "info" | "warn" | "error" | "success";

const toneClass: Record<NoticeTone, string> = {
  info: "border-sky-500/30 bg-sky-500/5 text-sky-100",
  warn: "border-amber-500/30 bg-amber-500/5 text-amber-100",
  error: "border-rose-500/40 bg-rose-500/10 text-rose-100",
  success: "border-emerald-500/30 bg-emerald-500/5 text-emerald-100",
};

/**
 * A callout for messages about the page itself (bad filters, missing role, API
 * errors). Errors use role="alert" so screen readers and tests find them.
 */
export function Notice({
  tone = "info",
  title,
  children,
}: {
  tone?: NoticeTone;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border px-3.5 py-2.5 text-sm ${toneClass[tone]}`}
    >
      {title && <p className="font-medium">{title}</p>}
      {children && <div className={title ? "mt-0.5 text-[13px] opacity-90" : ""}>{children}</div>}
    </div>
  );
}
