import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { PageHeader } from "./page-header";

/** A panel-shaped placeholder, in the cards' surface, while its data loads. Size it with `className`. */
export function Skeleton({ className = "" }: { className?: string }) {
  return (
    <div aria-hidden className={`animate-pulse rounded-lg border border-slate-800 bg-slate-900/50 ${className}`} />
  );
}

/**
 * A route's loading.tsx: the page's real eyebrow and title at once (the reader
 * sees where the click went), placeholders where its panels will stream in.
 */
export function LoadingPage({ eyebrow, title, children }: { eyebrow: string; title: string; children: ReactNode }) {
  const t = useTranslations("shell");
  return (
    <div aria-busy="true" aria-label={t("loading", { title })} data-testid="page-loading">
      <PageHeader
        eyebrow={eyebrow}
        title={title}
        description={
          <span className="inline-block h-4 w-96 max-w-full animate-pulse rounded bg-slate-800/50 align-middle" />
        }
      />
      {children}
    </div>
  );
}

/** A row of headline-number placeholders, as the stat-card grids lay them out. */
export function StatCardsSkeleton({ count = 4 }: { count?: number }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} className="h-[148px]" />
      ))}
    </div>
  );
}
