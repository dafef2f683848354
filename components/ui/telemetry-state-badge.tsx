import { useLocale, useTranslations } from "next-intl";
import { formatSilence } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { TelemetryState } from "@/lib/inventory/schemas";
import { Badge } from "./badge";
import { formatAge } from "./readings";

/** Why a GPU's health is only its last known one, in English words: "never reported" or "silent 3 h". */
export function describeSilence(state: TelemetryState, lastSeenAt: string | null, nowMs: number): string | null {
  if (state === "reporting") return null;
  if (state === "never" || !lastSeenAt) return "never reported";
  return `silent ${formatAge(lastSeenAt, nowMs).replace(/ ago$/, "")}`;
}

/**
 * Shown beside a GPU's health when telemetry no longer confirms it; nothing
 * while it reports. Neutral, and worded, so it never reads as a health colour.
 */
export function TelemetryStateBadge({
  state,
  lastSeenAt,
  nowMs,
}: {
  state: TelemetryState;
  lastSeenAt: string | null;
  nowMs: number;
}) {
  const t = useTranslations("common.telemetry");
  const locale = asLocale(useLocale());
  if (state === "reporting") return null;
  const text =
    state === "never" || !lastSeenAt
      ? t("neverReported")
      : t("silentFor", { span: formatSilence(lastSeenAt, nowMs, locale) });
  return (
    <span title={lastSeenAt ? t("newestSample", { at: lastSeenAt }) : t("noSampleEver")} data-testid="telemetry-state">
      <Badge tone="neutral">{t("noData", { text })}</Badge>
    </span>
  );
}
