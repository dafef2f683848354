import Link from "next/link";
import { hrefWith } from "@/components/ui/pager";

export const WINDOWS = [15, 60, 360, 1440] as const;

const label = (m: number) => (m < 60 ? `${m} min` : `${m / 60} h`);

/** The window the figures are over, as links (the page reads `?window=`). */
export function WindowPicker({ path, current }: { path: string; current: number }) {
  return (
    <nav aria-label="Window" className="flex gap-1 text-[12px]">
      {WINDOWS.map((m) => (
        <Link
          key={m}
          href={hrefWith(path, { window: m === 60 ? undefined : String(m) })}
          aria-current={m === current ? "true" : undefined}
          className={`rounded px-2 py-0.5 ring-1 ring-inset ${m === current ? "bg-emerald-500/10 text-emerald-200 ring-emerald-500/30" : "text-slate-400 ring-slate-700 hover:text-slate-100"}`}
        >
          {label(m)}
        </Link>
      ))}
    </nav>
  );
}
