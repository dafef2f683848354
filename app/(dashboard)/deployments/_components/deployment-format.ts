// How a deployment's figures read on the Deployments pages, in one place so the
// list, the deployment's page and its charts agree. A figure that cannot be
// computed reads as the reason, never as 0 or a green badge. Pure functions of
// the reader's words (the catalogue's deployments.format, and the locale),
// usable from server components and client islands alike.

import type { PsiBand } from "@/lib/deployments/drift-stats";
import { formatFixed, formatNumber, formatSignificant } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

/** `t` bound to deployments.format, and the locale numbers are written in. */
export type FormatWords = { t: Translate; locale: Locale };

/**
 * A figure in words. `isStored` marks a reason written by lib/ in English
 * (e.g. why energy is not known): it is shown as it comes, marked
 * data-stored-text, until lib/ gives codes.
 */
export type Reading = { text: string; isKnown: boolean; isStored?: boolean };

/** "12.3 ms"; below 1 ms two decimals ("0.42 ms"), since a small model answers that fast. */
export function formatMs(ms: number, locale: Locale): string {
  return `${formatFixed(ms, ms < 1 ? 2 : 1, locale)} ms`;
}

/** A latency percentile, or why there is none. */
export function latencyReading(ms: number | null, { t, locale }: FormatWords): Reading {
  return ms === null ? { text: t("noTraffic"), isKnown: false } : { text: formatMs(ms, locale), isKnown: true };
}

/** A share 0–1 as "12.5 %" (whole numbers without decimals: "10 %"). */
export function formatShare(share: number, locale: Locale): string {
  const pct = share * 100;
  const isWhole = Number.isInteger(Math.round(pct * 10) / 10);
  return `${isWhole ? formatNumber(pct, locale) : formatFixed(pct, 1, locale)} %`;
}

/** An error rate to two decimals ("0.50 %"): one failed request in 200 must not read as 0 %. */
export function errorRateReading(rate: number | null, { t, locale }: FormatWords): Reading {
  return rate === null
    ? { text: t("noTraffic"), isKnown: false }
    : { text: `${formatFixed(rate * 100, 2, locale)} %`, isKnown: true };
}

export function formatCount(n: number, locale: Locale): string {
  return formatNumber(n, locale);
}

type Split = { stable: { version: number }; canary: { version: number; weight: number } | null };

/** Who answers what share: "v3 100 %", or "v3 90 % · v4 10 % (canary)". */
export function trafficSplit({ stable, canary }: Split, { t, locale }: FormatWords): string {
  if (!canary) return `v${stable.version} ${formatShare(1, locale)}`;
  return t("split", {
    stable: stable.version,
    stableShare: formatShare(1 - canary.weight, locale),
    canary: canary.version,
    canaryShare: formatShare(canary.weight, locale),
  });
}

/** The PSI bands in words, with their limits, so a band never rests on its colour. */
export function psiBandWords(band: PsiBand, { t, locale }: FormatWords): string {
  const n = (v: number) => formatNumber(v, locale, 2);
  const limit = { stable: `PSI < ${n(0.1)}`, moderate: `PSI ${n(0.1)}–${n(0.25)}`, drifted: `PSI > ${n(0.25)}` }[band];
  return t(`psiBand.${band}`, { limit });
}

/** "0.034"; tiny ones as "< 0.001" (three decimals are what a reader compares against 0.05). */
export function formatPValue(p: number, locale: Locale): string {
  return p < 0.001 ? `< ${formatFixed(0.001, 3, locale)}` : formatFixed(p, 3, locale);
}

export type DriftSummary = { unknown: string | null; isDrifting: boolean; driftingFeatures: number; features: number };

/**
 * The overall drift flag: drifting (how many features), no drift, or not
 * known. `word` is the flag's key (format.drift.<word>); `detail` what follows
 * it, which for "not known" is lib/'s reason (`isStored`).
 */
export type DriftReading = Reading & {
  isDrifting: boolean;
  word: "drifting" | "noDrift" | "notKnown";
  detail: string;
};

/** The overall drift flag in words: drifting (how many features), no drift, or why it is not known. */
export function driftReading(d: DriftSummary, { t }: FormatWords): DriftReading {
  if (d.unknown !== null) {
    const reason = lowerFirst(d.unknown);
    return {
      text: t("drift.unknownText", { reason }),
      detail: reason,
      word: "notKnown",
      isKnown: false,
      isDrifting: false,
      isStored: true,
    };
  }
  const of = t("drift.features", { drifting: d.driftingFeatures, count: d.features });
  return d.isDrifting
    ? { text: t("drift.driftingText", { features: of }), detail: of, word: "drifting", isKnown: true, isDrifting: true }
    : { text: t("drift.noDriftText", { features: of }), detail: of, word: "noDrift", isKnown: true, isDrifting: false };
}

export type AccuracyFigures = {
  labelled: number;
  correct: number;
  accuracy: number | null;
  coverage: number | null;
  medianJoinDelaySeconds: number | null;
  unmatched: number;
};

/** Live accuracy from feedback, or why it is not known (no predictions, no labels yet, labels not joined yet). */
export function accuracyReading(a: AccuracyFigures, requests: number, { t, locale }: FormatWords): Reading {
  if (a.accuracy !== null)
    return {
      text: t("accuracyKnown", {
        pct: formatFixed(a.accuracy * 100, 1, locale),
        correct: formatCount(a.correct, locale),
        labelled: formatCount(a.labelled, locale),
      }),
      isKnown: true,
    };
  if (a.unmatched > 0) return { text: t("accuracyWaiting", { count: a.unmatched }), isKnown: false };
  if (requests === 0) return { text: t("accuracyNoTraffic"), isKnown: false };
  return { text: t("accuracyNoLabels", { endpoint: "POST …/feedback" }), isKnown: false };
}

/** How much of the traffic is labelled, and how late labels come. */
export function coverageReading(a: AccuracyFigures, words: FormatWords): string {
  const { t, locale } = words;
  if (a.coverage === null) return t("coverageUnknown");
  const share = formatShare(a.coverage, locale);
  return a.medianJoinDelaySeconds === null
    ? t("coverage", { share })
    : t("coverageDelay", { share, delay: formatSeconds(a.medianJoinDelaySeconds, words) });
}

/** "42 s", "3.5 min", "2.0 h". */
export function formatSeconds(seconds: number, { t, locale }: FormatWords): string {
  if (seconds < 90) return t("seconds", { value: formatNumber(seconds, locale) });
  if (seconds < 90 * 60) return t("minutes", { value: formatFixed(seconds / 60, 1, locale) });
  return t("hours", { value: formatFixed(seconds / 3600, 1, locale) });
}

/** Energy per 1,000 predictions, or the reason it is not known (never 0 for "no readings"). */
export function energyReading(e: { kwh: number | null; basis: string }, { t, locale }: FormatWords): Reading {
  if (e.kwh === null) return { text: e.basis, isKnown: false, isStored: true };
  const value = e.kwh >= 1 ? formatFixed(e.kwh, 2, locale) : formatSignificant(e.kwh, 3, locale);
  return { text: t("energyPer1k", { value }), isKnown: true };
}

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1]!.toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** A model version as the pages name it: "v3" (the same in every language). */
export function versionTag(version: number): string {
  return `v${version}`;
}
