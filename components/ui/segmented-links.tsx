import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A row of plain links that behaves as a segmented control (no JS): each
 * choice is its own URL, so a view can be shared or bookmarked; the current
 * one carries aria-current.
 */
export function SegmentedLinks({
  label,
  items,
  mono = false,
}: {
  label: string;
  items: { key: string; href: string; isCurrent: boolean; title?: string; children: ReactNode }[];
  /** Monospace labels (short codes like "15m"). */
  mono?: boolean;
}) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md border border-slate-700 bg-slate-950/60 p-0.5">
      {items.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={item.isCurrent ? "page" : undefined}
          title={item.title}
          className={`rounded px-2.5 py-1 text-[12px] font-medium transition-colors ${mono ? "font-mono" : ""} ${
            item.isCurrent
              ? "bg-slate-700 text-slate-50 shadow-sm"
              : "text-slate-400 hover:bg-slate-800 hover:text-slate-100"
          }`}
        >
          {item.children}
        </Link>
      ))}
    </nav>
  );
}
