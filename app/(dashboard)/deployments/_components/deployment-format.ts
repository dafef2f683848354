// How a deployment's figures read on the Deployments pages, in one place so the
// list, the deployment's page and its charts agree. A figure that cannot be
// computed reads as the reason, never as 0 or a green badge. Pure functions,
// usable from server components and client islands alike.

import type { PsiBand } from "@/lib/deployments/drift-stats";
import { formatFixed, formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

export type Reading = { text: string; isKnown: boolean };

const fixed = (digits: number) => ({ format: (v: number) => formatFixed(v, digits, untranslatedLocale) });
const [oneDecimal, twoDecimals] = [fixed(1), fixed(2)];
const integer = { format: (v: number) => formatNumber(v, untranslatedLocale) };

export const NO_TRAFFIC = "no requests in this window";

/** "12.3 ms"; below 1 ms two decimals ("0.42 ms"), since a small model answers that fast. */
export function formatMs(ms: number): string {
  return `${(ms < 1 ? twoDecimals : oneDecimal).format(ms)} ms`;
}

/** A latency percentile, or why there is none. */
export function latencyReading(ms: number | null): Reading {
  return ms === null ? { text: NO_TRAFFIC, isKnown: false } : { text: formatMs(ms), isKnown: true };
}

/** A share 0–1 as "12.5 %" (whole numbers without decimals: "10 %"). */
export function formatShare(share: number): string {
  const pct = share * 100;
  return `${Number.isInteger(Math.round(pct * 10) / 10) ? integer.format(pct) : oneDecimal.format(pct)} %`;
}

/** An error rate to two decimals ("0.50 %"): one failed request in 200 must not read as 0 %. */
export function errorRateReading(rate: number | null): Reading {
  return rate === null
    ? { text: NO_TRAFFIC, isKnown: false }
    : { text: `${twoDecimals.format(rate * 100)} %`, isKnown: true };
}

export function formatCount(n: number): string {
  return integer.format(n);
}

type Split = { stable: { version: number }; canary: { version: number; weight: number } | null };

/** Who answers what share: "v3 100 %", or "v3 90 % · v4 10 % (canary)". */
export function trafficSplit({ stable, canary }: Split): string {
  if (!canary) return `v${stable.version} 100 %`;
  return `v${stable.version} ${formatShare(1 - canary.weight)} · v${canary.version} ${formatShare(canary.weight)} (canary)`;
}

/** The PSI bands in words, with their limits, so a band never rests on its colour. */
export function psiBandWords(band: PsiBand): string {
  return { stable: "stable (PSI < 0.1)", moderate: "moderate (PSI 0.1–0.25)", drifted: "drifted (PSI > 0.25)" }[band];
}

/** "0.034"; tiny ones as "< 0.001" (three decimals are what a reader compares against 0.05). */
export function formatPValue(p: number): string {
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

export type DriftSummary = { unknown: string | null; isDrifting: boolean; driftingFeatures: number; features: number };

/** The overall drift flag in words: drifting (how many features), no drift, or why it is not known. */
export function driftReading(d: DriftSummary): Reading & { isDrifting: boolean } {
  if (d.unknown !== null) return { text: `not known: ${lowerFirst(d.unknown)}`, isKnown: false, isDrifting: false };
  const of = `${d.driftingFeatures} of ${d.features} feature${d.features === 1 ? "" : "s"} drifted`;
  return d.isDrifting
    ? { text: `drifting: ${of}`, isKnown: true, isDrifting: true }
    : { text: `no overall drift: ${of}`, isKnown: true, isDrifting: false };
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
export function accuracyReading(a: AccuracyFigures, requests: number): Reading {
  if (a.accuracy !== null)
    return {
      text: `${oneDecimal.format(a.accuracy * 100)} % (${formatCount(a.correct)} of ${formatCount(a.labelled)} labelled right)`,
      isKnown: true,
    };
  if (a.unmatched > 0)
    return {
      text: `not known yet: ${formatCount(a.unmatched)} label${a.unmatched === 1 ? "" : "s"} wait for their predictions to be logged`,
      isKnown: false,
    };
  if (requests === 0) return { text: `not known: ${NO_TRAFFIC}`, isKnown: false };
  return { text: "not known: no feedback labels yet (POST …/feedback)", isKnown: false };
}

/** How much of the traffic is labelled, and how late labels come. */
export function coverageReading(a: AccuracyFigures): string {
  if (a.coverage === null) return "coverage not known: no predictions logged in this window";
  const delay =
    a.medianJoinDelaySeconds === null
      ? ""
      : `; labels arrive a median ${formatSeconds(a.medianJoinDelaySeconds)} after the prediction`;
  return `${formatShare(a.coverage)} of logged predictions labelled${delay}`;
}

/** "42 s", "3.5 min", "2.0 h". */
export function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${integer.format(seconds)} s`;
  if (seconds < 90 * 60) return `${oneDecimal.format(seconds / 60)} min`;
  return `${oneDecimal.format(seconds / 3600)} h`;
}

/** Energy per 1,000 predictions, or the reason it is not known (never 0 for "no readings"). */
export function energyReading(e: { kwh: number | null; basis: string }): Reading {
  if (e.kwh === null) return { text: e.basis, isKnown: false };
  const value = e.kwh >= 1 ? twoDecimals.format(e.kwh) : e.kwh.toPrecision(3);
  return { text: `${value} kWh per 1,000 predictions`, isKnown: true };
}

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1]!.toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s;
}
