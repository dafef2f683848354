import { useLocale, useTranslations } from "next-intl";
import { StatCard, type StatPart } from "@/components/ui/card";
import { formatKw } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { gpuHeadline, type FleetSummary } from "@/lib/inventory/fleet-summary";
import type { SiteOverview } from "@/lib/inventory/site-overview";

const siteTones = ["info", "accent", "neutral"] as const;

function bySite(sites: SiteOverview[], count: (s: SiteOverview) => number): StatPart[] {
  return sites.map((s, i) => ({
    label: s.name,
    value: count(s),
    tone: siteTones[Math.min(i, siteTones.length - 1)] ?? "neutral",
  }));
}

/**
 * What "no data" means under the GPU count: how many GPUs telemetry has not
 * confirmed within the stale threshold, and what they last were.
 */
function silenceHint(s: FleetSummary, t: Translate): string {
  const { stale, never } = s.telemetry;
  const minutes = s.staleAfterMinutes;
  if (stale + never === 0) return t("allReporting", { models: s.gpuModels.length, minutes });
  const last = (["healthy", "degraded", "failed"] as const)
    .flatMap((h) => (s.silentByHealth[h] ? [t(`lastKnown.${h}`, { count: s.silentByHealth[h] })] : []))
    .join(t("listSeparator"));
  const parts = [
    never ? t("neverReported", { count: never }) : null,
    stale ? t("silent", { count: stale, minutes }) : null,
  ]
    .filter(Boolean)
    .join(t("listSeparator"));
  return t("noTelemetry", { parts, last });
}

/** The headline row: sites, racks, servers by status, GPUs by health. */
export function FleetStatCards({ summary, sites }: { summary: FleetSummary; sites: SiteOverview[] }) {
  const t = useTranslations("overview.stats");
  const locale = asLocale(useLocale());
  const { servers, gpus } = summary;
  const serverTotal = servers.active + servers.maintenance + servers.retired;
  const gpuTotal = gpus.healthy + gpus.degraded + gpus.failed;
  const headline = gpuHeadline(summary);
  const powerCapKw = sites.reduce((sum, s) => sum + s.powerCapKw, 0);
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard
        testId="stat-sites"
        label={t("sites")}
        value={summary.sites}
        hint={sites.map((s) => s.name).join(" · ") || t("noneYet")}
        parts={bySite(sites, (s) => s.gpus)}
        partsLabel={t("gpusBySite")}
      />
      <StatCard
        testId="stat-racks"
        label={t("racks")}
        value={summary.racks}
        hint={t("powerCap", { power: formatKw(powerCapKw, locale) })}
        parts={bySite(sites, (s) => s.racks)}
        partsLabel={t("racksBySite")}
      />
      <StatCard
        testId="stat-servers"
        label={t("servers")}
        value={serverTotal}
        hint={t("inTotal", { count: serverTotal })}
        partsLabel={t("byStatus")}
        parts={[
          { label: t("status.active"), value: servers.active, tone: "good" },
          { label: t("status.maintenance"), value: servers.maintenance, tone: "warn" },
          { label: t("status.retired"), value: servers.retired, tone: "neutral" },
        ]}
      />
      <StatCard
        testId="stat-gpus"
        label={t("gpus")}
        value={gpuTotal}
        hint={silenceHint(summary, t)}
        partsLabel={t("byHealth")}
        parts={[
          { label: t("health.healthy"), value: headline.healthy, tone: "good" },
          { label: t("health.degraded"), value: headline.degraded, tone: "warn" },
          { label: t("health.failed"), value: headline.failed, tone: "bad" },
          { label: t("health.noData"), value: headline.noData, tone: "neutral" },
        ]}
      />
    </div>
  );
}
