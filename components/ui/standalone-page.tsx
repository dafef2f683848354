import type { ReactNode } from "react";
import { Icon } from "./icons";

/**
 * A page outside the dashboard shell (signed out, or the shell itself failed):
 * the brand and one panel on the grid background, as the sign-in page looks.
 * No hooks, so error boundaries (client) and server pages can both use it.
 */
export function StandalonePage({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
  return (
    <main className="relative grid min-h-screen place-items-center overflow-hidden px-4">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-0 bg-[linear-gradient(to_right,rgb(30_41_59/0.35)_1px,transparent_1px),linear-gradient(to_bottom,rgb(30_41_59/0.35)_1px,transparent_1px)] bg-[size:32px_32px] [mask-image:radial-gradient(ellipse_at_center,black_30%,transparent_75%)]"
      />
      <div className="relative w-full max-w-md">
        <div className="mb-6 flex items-center gap-3">
          <span className="grid size-9 place-items-center rounded-lg bg-emerald-500/15 text-emerald-400 ring-1 ring-inset ring-emerald-500/30">
            <Icon name="rack" className="size-5" />
          </span>
          <div>
            <h1 className="text-lg font-semibold tracking-tight text-slate-50">{title}</h1>
            <p className="text-xs text-slate-400">{subtitle}</p>
          </div>
        </div>
        <div className="rounded-lg border border-slate-800 bg-slate-900/70 p-5 text-[13px] leading-5 text-slate-300 shadow-xl shadow-black/40 backdrop-blur">
          {children}
        </div>
      </div>
    </main>
  );
}
