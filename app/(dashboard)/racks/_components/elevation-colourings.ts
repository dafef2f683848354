import { heatColour, scaleFraction, TEMP_SCALE } from "@/components/ui/heat-scale";
import type { ServerStatus } from "@/lib/generated/prisma/enums";
import type { ElevationServer, RackElevation } from "@/lib/inventory/rack-elevation";
import type { ServerHeat } from "@/lib/telemetry/views/fleet-heat";
import { formatKilowatts, formatNumber, formatSilence, formatTempC, formatWatts } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

/**
 * What the elevation colours servers by: inventory status, or the latest GPU
 * telemetry (hottest GPU, total GPU power). A new colouring is a key here and
 * an entry in `colouringFor`; the drawing itself does not change.
 */
export const colourByOptions = ["status", "temperature", "power"] as const;
export type ColourBy = (typeof colourByOptions)[number];

export function isColourBy(value: string | undefined): value is ColourBy {
  return colourByOptions.some((c) => c === value);
}

/** SVG classes for one drawn server. Literal strings, so Tailwind finds them in the source. */
export type SlotPaint = {
  body: string;
  edge: string;
  stripe: string;
  text: string;
  /** Diagonal hatching over the body, for equipment that is out of service. */
  isHatched: boolean;
  /** A computed colour (continuous scales) that replaces the body, edge and stripe classes. */
  tint?: string;
  /** Dashed edge, for servers whose colour is unknown (no telemetry). */
  isDashed?: boolean;
};

export type LegendEntry = { label: string; paint: SlotPaint };

/** A continuous scale for the legend: a gradient from `min` to `max` with labelled ends. */
export type LegendScale = { minLabel: string; midLabel: string; maxLabel: string; basis?: string };

/** What a slot shows of its colouring besides the colour: its reading as text, or "no telemetry". */
export type SlotReadout = { text: string; isMissing: boolean } | null;

export type Colouring = {
  /** What the colours mean, as the legend's heading. */
  title: string;
  legend: LegendEntry[];
  scale?: LegendScale;
  paint: (server: ElevationServer, reading: ServerHeat | null) => SlotPaint;
  readout: (server: ElevationServer, reading: ServerHeat | null) => SlotReadout;
};

/** Why a power is "full": the rack's cap shared by its servers, or the fallback per GPU. */
export type PowerBasis =
  { kind: "cap"; capKw: number; servers: number } | { kind: "fallback"; wattsPerGpu: number; gpus: number };

/** The power that counts as "full" for one server of this rack, W, and why. */
export type PowerScale = { maxW: number; basis: PowerBasis };

/**
 * The words a colouring is said in: `t` for the catalogue's racks.elevation,
 * `status` for common.serverStatus, `health` for common.health, and the
 * reader's locale for figures. Server components get them from
 * getTranslations, the drawing (a sync component) from useTranslations.
 */
export type ElevationWords = { t: Translate; status: Translate; health: Translate; locale: Locale };

// Without a rack power cap, assume the board power of a typical SXM GPU (H100 SXM: 700 W).
const FALLBACK_W_PER_GPU = 700;

/**
 * Power is coloured against each server's share of the rack's power cap: at
 * red, the rack would be at its cap if every server drew that much. A rack
 * without a cap falls back to 700 W per GPU of its largest server.
 */
export function powerScaleFor(rack: Pick<RackElevation, "powerCapKw" | "servers">): PowerScale {
  const count = rack.servers.length;
  if (rack.powerCapKw !== null && rack.powerCapKw > 0 && count > 0) {
    return { maxW: (rack.powerCapKw * 1000) / count, basis: { kind: "cap", capKw: rack.powerCapKw, servers: count } };
  }
  const gpus = Math.max(1, ...rack.servers.map((s) => s.gpuCount));
  return {
    maxW: gpus * FALLBACK_W_PER_GPU,
    basis: { kind: "fallback", wattsPerGpu: FALLBACK_W_PER_GPU, gpus },
  };
}

const statusPaint: Record<ServerStatus, SlotPaint> = {
  active: {
    body: "fill-emerald-500/12",
    edge: "stroke-emerald-400/55",
    stripe: "fill-emerald-400",
    text: "fill-slate-50",
    isHatched: false,
  },
  maintenance: {
    body: "fill-amber-500/15",
    edge: "stroke-amber-400/70",
    stripe: "fill-amber-400",
    text: "fill-amber-50",
    isHatched: false,
  },
  retired: {
    body: "fill-slate-700/35",
    edge: "stroke-slate-500/60",
    stripe: "fill-slate-500",
    text: "fill-slate-400",
    isHatched: true,
  },
};

const noTelemetryPaint: SlotPaint = {
  body: "fill-slate-800/50",
  edge: "stroke-slate-600/70",
  stripe: "fill-slate-600",
  text: "fill-slate-400",
  isHatched: false,
  isDashed: true,
};

function tinted(tint: string, server: ElevationServer): SlotPaint {
  // Retired servers keep their hatching, so a reading never hides that a server is out of service.
  return { body: "", edge: "", stripe: "", text: "fill-slate-50", isHatched: server.status === "retired", tint };
}

/**
 * When the drawing is judged: readings older than the telemetry setting
 * `staleAfterMinutes` are not coloured (a node that stopped reporting an hour
 * ago is not "62 °C" now) — the same threshold that shows a GPU's health as
 * "no data" everywhere else.
 */
export type Clock = { nowMs: number; staleAfterMinutes: number };

/** Whether a reading taken at `at` (ISO-8601) is too old to colour by. */
export function isReadingStale(at: string, clock: Clock): boolean {
  return clock.nowMs - Date.parse(at) > clock.staleAfterMinutes * 60_000;
}

const noTelemetryLegend = (clock: Clock, { t }: ElevationWords): LegendEntry => ({
  label: t("noTelemetryFor", { minutes: clock.staleAfterMinutes }),
  paint: noTelemetryPaint,
});

/** Which number of a server's readings a colouring shows. */
type ReadingOf = (r: ServerHeat) => number | null;

/** The reading's value if it is recent enough to colour by, else null. */
function freshValue(r: ServerHeat | null, pick: ReadingOf, clock: Clock): number | null {
  if (!r || isReadingStale(r.at, clock)) return null;
  return pick(r);
}

function missingReadout(r: ServerHeat | null, clock: Clock, { t, locale }: ElevationWords): SlotReadout {
  const text = r ? t("silent", { span: formatSilence(r.at, clock.nowMs, locale) }) : t("noTelemetry");
  return { text, isMissing: true };
}

function readingColouring(
  title: string,
  scale: LegendScale,
  pick: ReadingOf,
  toFraction: (value: number) => number,
  format: (value: number) => string,
  clock: Clock,
  words: ElevationWords,
): Colouring {
  return {
    title,
    legend: [noTelemetryLegend(clock, words)],
    scale,
    paint: (server, r) => {
      const value = freshValue(r, pick, clock);
      return value === null ? noTelemetryPaint : tinted(heatColour(toFraction(value)), server);
    },
    readout: (_server, r) => {
      const value = freshValue(r, pick, clock);
      return value === null ? missingReadout(r, clock, words) : { text: format(value), isMissing: false };
    },
  };
}

function temperatureColouring(clock: Clock, words: ElevationWords): Colouring {
  const { minC, maxC } = TEMP_SCALE;
  const { t, locale } = words;
  return readingColouring(
    t("temperatureTitle"),
    {
      minLabel: formatTempC(minC, locale),
      midLabel: formatTempC((minC + maxC) / 2, locale),
      maxLabel: formatTempC(maxC, locale),
    },
    (r) => r.maxTempC,
    (c) => scaleFraction(c, minC, maxC),
    (c) => formatTempC(c, locale),
    clock,
    words,
  );
}

// One unit along the whole scale: "5.0 kW … 10.0 kW", not "5,000 W … 10.0 kW".
function formatScaleWatts(watts: number, maxW: number, locale: Locale): string {
  return maxW >= 2000 ? formatKilowatts(watts, locale) : formatWatts(watts, locale);
}

function basisWords(basis: PowerBasis, { t, locale }: ElevationWords): string {
  if (basis.kind === "cap")
    return t("basisCap", { capKw: formatNumber(basis.capKw, locale, 3), servers: basis.servers });
  return t("basisFallback", { perGpu: formatWatts(basis.wattsPerGpu, locale), gpus: basis.gpus });
}

function powerColouring(scale: PowerScale, clock: Clock, words: ElevationWords): Colouring {
  const { t, locale } = words;
  return readingColouring(
    t("powerTitle"),
    {
      minLabel: "0",
      midLabel: formatScaleWatts(scale.maxW / 2, scale.maxW, locale),
      maxLabel: formatScaleWatts(scale.maxW, scale.maxW, locale),
      basis: basisWords(scale.basis, words),
    },
    (r) => r.totalPowerW,
    (w) => scaleFraction(w, 0, scale.maxW),
    (w) => formatWatts(w, locale),
    clock,
    words,
  );
}

function statusColouring({ t, status }: ElevationWords): Colouring {
  return {
    title: t("statusTitle"),
    legend: (["active", "maintenance", "retired"] as const).map((s) => ({ label: status(s), paint: statusPaint[s] })),
    paint: (server) => statusPaint[server.status],
    readout: () => null,
  };
}

/** The colouring for `colourBy`; power needs the rack's scale, and readings stale by `clock` are not coloured. */
export function colouringFor(colourBy: ColourBy, power: PowerScale, clock: Clock, words: ElevationWords): Colouring {
  if (colourBy === "temperature") return temperatureColouring(clock, words);
  if (colourBy === "power") return powerColouring(power, clock, words);
  return statusColouring(words);
}
