import type { EnergyScope } from "../../generated/prisma/enums";
import { pieceAround, profileEnergyKwh, type PowerPiece, type PowerProfile, type TimeSpan } from "./power-profile";

/** A meter as PUE sees it; `takesPart`: it reported in the period or is not yet overdue (see computeSiteEnergy). */
export type PueMeter = { scope: EnergyScope; profile: PowerProfile; takesPart: boolean };

export const PUE_UNKNOWN_REASONS = ["no_facility_meter", "no_it_meter", "no_common_time", "no_energy"] as const;
export type PueUnknownReason = (typeof PUE_UNKNOWN_REASONS)[number];

export type PueResult =
  | { pue: number; fromMs: number; toMs: number; unknown: null }
  | { pue: null; fromMs: null; toMs: null; unknown: PueUnknownReason };

const unknown = (reason: PueUnknownReason): PueResult => ({ pue: null, fromMs: null, toMs: null, unknown: reason });

/**
 * Where both scopes were measured: from when both are metered (a meter's
 * first reading: before it the meter did not exist) to the last reading of
 * the meter read least recently (after it that meter's energy is not known
 * yet, so the other scope's would count alone).
 */
function commonSpan(meters: PueMeter[], fromMs: number, toMs: number): TimeSpan | null {
  const starts = (["facility", "it"] as const).map((scope) =>
    Math.min(...meters.filter((m) => m.scope === scope).map((m) => m.profile.firstMs!)),
  );
  const span = { fromMs: Math.max(fromMs, ...starts), toMs: Math.min(toMs, ...meters.map((m) => m.profile.lastMs!)) };
  return span.toMs > span.fromMs ? span : null;
}

/**
 * An edge of the PUE span moved to a reading when it falls inside a coarse
 * interval of some meter: there that meter's energy is an even spread while
 * the others are measured, and their ratio would follow the others' shape.
 * Left alone when every meter is read at the same two times around it: both
 * scopes are then spread over the same interval, and their ratio is that
 * interval's measured PUE. One step only: meters read at staggered times would
 * otherwise push the edge from reading to reading across the whole period.
 */
function shiftedEdge(meters: PueMeter[], atMs: number, coarseAfterMs: number, edge: "start" | "end"): number {
  const around = meters.map((m) => pieceAround(m.profile.pieces, atMs));
  const coarse = around.filter((p): p is PowerPiece => p !== null && p.toMs - p.fromMs > coarseAfterMs);
  const first = coarse[0];
  if (!first || around.every((p) => p !== null && p.fromMs === first.fromMs && p.toMs === first.toMs)) return atMs;
  return edge === "start" ? Math.max(...coarse.map((p) => p.toMs)) : Math.min(...coarse.map((p) => p.fromMs));
}

/**
 * [fromMs, toMs) without any meter's gaps and reset intervals: time every
 * meter measured. A reset interval counts only what the new register read (a
 * lower bound), which would skew the ratio, so it is left out like a gap.
 */
function withoutGaps(meters: PueMeter[], fromMs: number, toMs: number): TimeSpan[] {
  const gaps = meters
    .flatMap((m) => [...m.profile.gaps, ...m.profile.resets])
    .filter((g) => g.toMs > fromMs && g.fromMs < toMs)
    .sort((a, b) => a.fromMs - b.fromMs);
  const out: TimeSpan[] = [];
  let at = fromMs;
  for (const g of gaps) {
    if (g.fromMs > at) out.push({ fromMs: at, toMs: Math.min(g.fromMs, toMs) });
    at = Math.max(at, g.toMs);
  }
  if (at < toMs) out.push({ fromMs: at, toMs });
  return out;
}

/**
 * PUE over [fromMs, toMs): facility ÷ IT energy over the same time, measured
 * in both scopes — the common span of `commonSpan`, its edges moved out of
 * coarse intervals (`shiftedEdge`), less any meter's gaps and resets. The span actually
 * used is returned with it; null with a reason when no such time is left or
 * either scope used no energy in it.
 */
export function pueOver(meters: PueMeter[], fromMs: number, toMs: number, coarseAfterMs: number): PueResult {
  if (!meters.some((m) => m.scope === "facility")) return unknown("no_facility_meter");
  if (!meters.some((m) => m.scope === "it")) return unknown("no_it_meter");
  const taking = meters.filter((m) => m.takesPart && m.profile.firstMs !== null);
  if (!taking.some((m) => m.scope === "facility") || !taking.some((m) => m.scope === "it"))
    return unknown("no_common_time");
  const common = commonSpan(taking, fromMs, toMs);
  if (!common) return unknown("no_common_time");
  const span = {
    fromMs: shiftedEdge(taking, common.fromMs, coarseAfterMs, "start"),
    toMs: shiftedEdge(taking, common.toMs, coarseAfterMs, "end"),
  };
  const parts = span.toMs > span.fromMs ? withoutGaps(taking, span.fromMs, span.toMs) : [];
  if (parts.length === 0) return unknown("no_common_time");
  const kwh = { facility: 0, it: 0 };
  for (const m of taking) for (const p of parts) kwh[m.scope] += profileEnergyKwh(m.profile.pieces, p.fromMs, p.toMs);
  if (kwh.facility <= 0 || kwh.it <= 0) return unknown("no_energy");
  return { pue: kwh.facility / kwh.it, fromMs: parts[0]!.fromMs, toMs: parts.at(-1)!.toMs, unknown: null };
}
