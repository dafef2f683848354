import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { CodedTextView } from "@/components/ui/coded-text";
import { firingSummary } from "@/lib/alerts/alerts";
import { logger } from "@/lib/observability/logger";

// The strip above every page: what fires now (not muted), so an XID is seen by
// whoever is looking at anything, not only by someone who opens the Alerts page.

async function FiringAlerts() {
  const t = await getTranslations("shell.alertsBar");
  let summary: Awaited<ReturnType<typeof firingSummary>>;
  try {
    summary = await firingSummary();
  } catch (err) {
    // A page must not fail because the alert summary could not be read; say so instead.
    logger.warn({ err }, "firing alerts could not be read for the top bar");
    return (
      <p className="text-xs text-amber-300" data-testid="firing-alerts">
        {t("unreadable")}
      </p>
    );
  }
  if (summary.firing === 0)
    return (
      <p className="text-xs text-slate-400" data-testid="firing-alerts">
        {t("noneFiring")}{" "}
        <Link href="/alerts" className="underline decoration-slate-600 hover:text-slate-200">
          {t("alertsLink")}
        </Link>
      </p>
    );
  const critical = summary.bySeverity.critical ?? 0;
  return (
    <div className="flex min-w-0 items-center gap-3 text-xs" data-testid="firing-alerts">
      <Link
        href="/alerts"
        className={`shrink-0 rounded px-2 py-0.5 font-semibold ring-1 ring-inset ${
          critical
            ? "bg-rose-500/15 text-rose-200 ring-rose-500/40"
            : "bg-amber-500/15 text-amber-200 ring-amber-500/40"
        }`}
      >
        {critical ? t("firingCritical", { count: summary.firing, critical }) : t("firing", { count: summary.firing })}
      </Link>
      <ul className="flex min-w-0 gap-3 truncate text-slate-300">
        {summary.top.slice(0, 3).map((a) => (
          <li key={a.id} className="truncate">
            <Link href={a.annotations.link || "/alerts"} className="hover:underline">
              <CodedTextView value={a.summaryCode} fallback={a.annotations.summary} />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FiringAlertsBar() {
  const t = useTranslations("shell.alertsBar");
  return (
    <div className="min-w-0 flex-1" role="region" aria-label={t("region")}>
      <Suspense fallback={<p className="text-xs text-slate-500">{t("checking")}</p>}>
        <FiringAlerts />
      </Suspense>
    </div>
  );
}
