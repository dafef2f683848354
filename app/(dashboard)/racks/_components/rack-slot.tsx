import Link from "next/link";
import { serverHref } from "@/components/ui/inventory-links";
import { formatRackUnits } from "@/components/ui/rack-units";
import { formatTempC, formatWatts } from "@/lib/format";
import type { ElevationServer } from "@/lib/inventory/rack-elevation";
import type { ServerHeat } from "@/lib/telemetry/views/fleet-heat";
import type { ElevationWords, SlotPaint, SlotReadout } from "./elevation-colourings";
import { BAY, BAY_X, slotBox, type Geometry } from "./elevation-geometry";

// One server in the elevation drawing: a linked box in its units with its
// hostname, model, GPU count, worst-GPU mark and, in telemetry colourings,
// its reading. Its data-* attributes are what tests and scripts read.

const healthMarker = { degraded: "fill-amber-400", failed: "fill-rose-500" } as const;

/**
 * A GPU's worst health as a mark that differs in shape as well as colour
 * (WCAG 1.4.1): a diamond for failed, a circle for degraded.
 */
function HealthMark({ health, x, y }: { health: "degraded" | "failed"; x: number; y: number }) {
  if (health === "failed")
    return (
      <path d={`M${x} ${y - 4.5}L${x + 4.5} ${y}L${x} ${y + 4.5}L${x - 4.5} ${y}Z`} className={healthMarker.failed} />
    );
  return <circle cx={x} cy={y} r="3.5" className={healthMarker.degraded} />;
}

function describeReading(r: ServerHeat | null, { t, locale }: ElevationWords): string {
  if (!r) return t("noTelemetry");
  const parts = [
    r.maxTempC === null ? null : t("hottest", { temp: formatTempC(r.maxTempC, locale) }),
    r.totalPowerW === null ? null : t("draw", { power: formatWatts(r.totalPowerW, locale) }),
  ];
  return t("readingAt", { parts: parts.filter(Boolean).join(t("separator")), at: r.at.replace(/\.\d{3}Z$/, "Z") });
}

/**
 * The slot's name for assistive tech: what it shows (`shown`, in drawing order,
 * so the name contains the visible label, WCAG 2.5.3) and then what it means.
 */
function describeServer(s: ElevationServer, r: ServerHeat | null, shown: string[], words: ElevationWords): string {
  const { t } = words;
  const health =
    s.worstGpuHealth && s.worstGpuHealth !== "healthy"
      ? t("gpuHealth", { health: words.health(s.worstGpuHealth) })
      : null;
  const silent =
    s.silentGpus === 0
      ? null
      : s.silentGpus === s.gpuCount
        ? t("noGpuTelemetry")
        : t("someSilent", { count: s.silentGpus });
  const facts = [
    formatRackUnits(s.positionU, s.heightU),
    words.status(s.status),
    health,
    silent,
    describeReading(r, words),
  ];
  return t("slotName", { shown: shown.join(t("separator")), facts: facts.filter(Boolean).join(t("separator")) });
}

// Ends each line of text: SVG draws no trailing space, but the link's text content
// then reads as words ("n01 Supermicro", not "n01Supermicro"), which is what its
// name must contain (the check for WCAG 2.5.3 compares the two).
const SEP = " ";

// Readings go into data attributes at 0.1 precision: enough for tests and scripts, no float noise.
const attr = (v: number | null | undefined) => (v == null ? undefined : String(Math.round(v * 10) / 10));

// Mono text is 0.6em wide per character; used to keep the health dot clear of the text at the right.
const monoWidth = (text: string, px: number) => text.length * px * 0.6;

/** For tests and scripts: whether the colouring had a reading to show ("stale": one older than the stale window). */
function telemetryState(reading: ServerHeat | null, readout: SlotReadout): "known" | "stale" | "none" | undefined {
  if (!readout) return undefined;
  if (!readout.isMissing) return "known";
  return reading ? "stale" : "none";
}

function readoutClass(readout: SlotReadout): string {
  if (!readout) return "fill-slate-300 text-[10px]";
  return readout.isMissing ? "fill-slate-500 font-sans text-[10px] italic" : "fill-slate-50 text-[11px] font-semibold";
}

export type SlotProps = {
  g: Geometry;
  server: ElevationServer;
  reading: ServerHeat | null;
  paint: SlotPaint;
  readout: SlotReadout;
  isHighlighted: boolean;
  words: ElevationWords;
};

export function ServerSlot({ g, server, reading, paint, readout, isHighlighted, words }: SlotProps) {
  const { t } = words;
  const { y, height } = slotBox(g, server.positionU, server.heightU);
  const top = y + 1;
  const h = height - 2;
  const isTall = server.heightU >= 2;
  const gpus = server.gpuCount > 0 ? t("gpus", { count: server.gpuCount }) : t("noGpu");
  const model = server.model ?? t("unknownModel");
  // With a readout, it takes the first line's right end and the GPU count moves below (or beside it, in 1U).
  const rightTop = readout ? (isTall ? readout.text : `${readout.text} · ${gpus}`) : gpus;
  const lineY = isTall ? top + 13 : top + h / 2 + 0.5;
  const tint = paint.tint ? { fill: paint.tint, stroke: paint.tint } : undefined;
  const markerX = Math.min(
    BAY_X + BAY - 70,
    BAY_X + BAY - 12 - monoWidth(rightTop, readout && !readout.isMissing ? 11 : 10) - 9,
  );
  const markerY = isTall ? top + 13 : top + h / 2;
  // A server out of service says so in words, not only in its colour (or hatching).
  const title =
    server.status === "active"
      ? server.hostname
      : t("withStatus", { hostname: server.hostname, status: words.status(server.status) });
  const shown = [title, isTall ? model : null, rightTop, readout && isTall ? gpus : null].filter(
    (t): t is string => t !== null,
  );
  const name = describeServer(server, reading, shown, words);
  return (
    <Link
      href={serverHref(server.hostname)}
      aria-label={name}
      className="group outline-none"
      data-testid="rack-slot"
      data-hostname={server.hostname}
      data-position-u={server.positionU}
      data-height-u={server.heightU}
      data-status={server.status}
      data-highlighted={isHighlighted || undefined}
      data-temp-c={attr(reading?.maxTempC)}
      data-power-w={attr(reading?.totalPowerW)}
      data-telemetry={telemetryState(reading, readout)}
      data-silent-gpus={server.silentGpus || undefined}
    >
      <title>{name}</title>
      {/* Mounting ears reach over the rails, as on a real chassis. */}
      <rect
        x={BAY_X - 6}
        y={top}
        width={BAY + 12}
        height={h}
        rx="2"
        className={`fill-slate-900 ${paint.edge}`}
        style={tint && { stroke: paint.tint, strokeOpacity: 0.55 }}
        strokeDasharray={paint.isDashed ? "4 3" : undefined}
      />
      <rect
        x={BAY_X + 1}
        y={top}
        width={BAY - 2}
        height={h}
        rx="1.5"
        className={`${paint.body} ${paint.edge}`}
        style={tint && { ...tint, fillOpacity: 0.22, strokeOpacity: 0.7 }}
        strokeDasharray={paint.isDashed ? "4 3" : undefined}
      />
      {paint.isHatched && <rect x={BAY_X + 1} y={top} width={BAY - 2} height={h} fill={`url(#${g.patternId})`} />}
      <rect x={BAY_X + 1} y={top} width="4" height={h} className={paint.stripe} style={tint && { fill: paint.tint }} />
      {server.heightU >= 3 && <Vents x={BAY_X + 200} y={top + 32} width={BAY - 220} height={h - 42} />}
      <text x={BAY_X + 14} y={lineY} dominantBaseline="middle" className={`${paint.text} text-[11px] font-medium`}>
        {title}
        {SEP}
      </text>
      {isTall && (
        <text x={BAY_X + 14} y={top + 27} dominantBaseline="middle" className="fill-slate-400 font-sans text-[10px]">
          {model}
          {SEP}
        </text>
      )}
      <text
        x={BAY_X + BAY - 12}
        y={lineY}
        textAnchor="end"
        dominantBaseline="middle"
        className={`tabular-nums ${readoutClass(readout)}`}
        data-testid={readout ? "rack-slot-readout" : undefined}
      >
        {rightTop}
        {SEP}
      </text>
      {readout && isTall && (
        <text
          x={BAY_X + BAY - 12}
          y={top + 27}
          textAnchor="end"
          dominantBaseline="middle"
          className="fill-slate-400 text-[10px] tabular-nums"
        >
          {gpus}
          {SEP}
        </text>
      )}
      {server.worstGpuHealth && server.worstGpuHealth !== "healthy" ? (
        <HealthMark health={server.worstGpuHealth} x={markerX} y={markerY} />
      ) : (
        // Healthy as last known, but some GPU is silent: a hollow mark, so silence is not drawn as "all well".
        server.silentGpus > 0 && (
          <circle
            cx={markerX}
            cy={markerY}
            r="3"
            className="fill-none stroke-slate-400"
            strokeWidth="1.2"
            data-testid="silent-marker"
          />
        )
      )}
      <rect
        x={BAY_X + 1}
        y={top}
        width={BAY - 2}
        height={h}
        rx="1.5"
        className="fill-white/0 transition-colors group-hover:fill-white/5 group-focus-visible:stroke-emerald-300"
        strokeWidth="2"
      />
      {isHighlighted && <Highlight top={top} h={h} />}
    </Link>
  );
}

function Vents({ x, y, width, height }: { x: number; y: number; width: number; height: number }) {
  const rows = Array.from({ length: Math.max(0, Math.floor(height / 6)) }, (_, i) => y + i * 6);
  return (
    <g aria-hidden>
      {rows.map((ry) => (
        <line
          key={ry}
          x1={x}
          x2={x + width}
          y1={ry}
          y2={ry}
          className="stroke-slate-300/10"
          strokeWidth="2"
          strokeDasharray="10 3"
        />
      ))}
    </g>
  );
}

/** The outline for `?highlight=`: drawn around the ears so it reads even on a busy rack. */
function Highlight({ top, h }: { top: number; h: number }) {
  return (
    <rect
      aria-hidden
      data-testid="rack-slot-highlight"
      x={BAY_X - 9}
      y={top - 3}
      width={BAY + 18}
      height={h + 6}
      rx="3.5"
      fill="none"
      strokeWidth="2.5"
      className="stroke-sky-300 drop-shadow-[0_0_6px_rgb(125_211_252_/_0.65)]"
    />
  );
}
