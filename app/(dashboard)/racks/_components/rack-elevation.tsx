import Link from "next/link";
import { serverHref } from "@/components/ui/inventory-links";
import { formatRackUnits } from "@/components/ui/rack-units";
import { formatTempC, formatWatts } from "@/components/ui/readings";
import type { ElevationServer, FreeRun, RackElevation } from "@/lib/inventory/rack-elevation";
import type { ServerHeat } from "@/lib/telemetry/fleet-heat";
import { colouringFor, powerScaleFor, type ColourBy, type SlotPaint, type SlotReadout } from "./elevation-colourings";

// Drawing units are CSS pixels at 100% zoom. One U is 18 px: enough for an
// 11 px hostname inside a 1U server, while a 42U rack still fits a laptop screen.
const U_PX = 18;
const WALL = 10;
const RAIL = 30;
const BAY = 360;
const CAP = 22;
const FOOT = 6;
const WIDTH = 2 * (WALL + RAIL) + BAY;
const BAY_X = WALL + RAIL;

type Geometry = { heightU: number; patternId: string };

/** The y of the top edge of unit `u`: U1 is at the bottom, so higher units are drawn higher. */
function yOfUnitTop(g: Geometry, u: number): number {
  return CAP + (g.heightU - u) * U_PX;
}

function slotBox(g: Geometry, positionU: number, heightU: number) {
  return { y: yOfUnitTop(g, positionU + heightU - 1), height: heightU * U_PX };
}

/**
 * A front view of a rack: U numbers bottom-up on both rails, each server a
 * linked box in its units, empty units drawn as open bays. Colouring is
 * pluggable (`colourBy`): by status, or by the latest GPU telemetry in
 * `readings` (hostname → the server's hottest GPU and total GPU power).
 */
export function RackElevationDrawing({
  rack,
  colourBy = "status",
  readings = new Map(),
  highlight = null,
}: {
  rack: RackElevation;
  colourBy?: ColourBy;
  readings?: Map<string, ServerHeat>;
  highlight?: string | null;
}) {
  const g: Geometry = { heightU: rack.heightU, patternId: `hatch-${rack.site}-${rack.name}` };
  const height = 2 * CAP + rack.heightU * U_PX;
  const colouring = colouringFor(colourBy, powerScaleFor(rack));
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height + FOOT}`}
      width={WIDTH}
      height={height + FOOT}
      role="group"
      aria-label={`Elevation of rack ${rack.name}, ${rack.heightU}U`}
      className="h-auto max-w-full select-none font-mono"
      data-testid="rack-elevation"
    >
      <defs>
        <pattern id={g.patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" className="stroke-slate-400/25" strokeWidth="2" />
        </pattern>
      </defs>
      <Cabinet rack={rack} height={height} />
      <Rail g={g} x={WALL} />
      <Rail g={g} x={BAY_X + BAY} />
      {rack.freeRuns.map((run) => (
        <FreeBay key={run.positionU} g={g} run={run} />
      ))}
      {rack.servers.map((s) => {
        const reading = readings.get(s.hostname) ?? null;
        return (
          <ServerSlot
            key={s.hostname}
            g={g}
            server={s}
            reading={reading}
            paint={colouring.paint(s, reading)}
            readout={colouring.readout(s, reading)}
            isHighlighted={s.hostname === highlight}
          />
        );
      })}
    </svg>
  );
}

function Cabinet({ rack, height }: { rack: RackElevation; height: number }) {
  return (
    <g aria-hidden>
      <rect x="24" y={height - 1} width="40" height={FOOT} rx="1.5" className="fill-slate-700" />
      <rect x={WIDTH - 64} y={height - 1} width="40" height={FOOT} rx="1.5" className="fill-slate-700" />
      <rect x="0.5" y="0.5" width={WIDTH - 1} height={height - 1} rx="6" className="fill-slate-900 stroke-slate-600" />
      <rect x={BAY_X} y={CAP} width={BAY} height={height - 2 * CAP} className="fill-slate-950" />
      <text x={WIDTH / 2} y={CAP / 2 + 1} textAnchor="middle" dominantBaseline="middle" className="fill-slate-400 text-[10px] tracking-[0.2em]">
        {rack.name.toUpperCase()} · {rack.heightU}U
      </text>
      <circle cx={WIDTH - 22} cy={CAP / 2} r="2.5" className="fill-emerald-400/80" />
      <line x1={WALL} x2={WIDTH - WALL} y1={height - CAP / 2} y2={height - CAP / 2} className="stroke-slate-700" strokeDasharray="2 3" />
    </g>
  );
}

/** A mounting rail: a numbered tick per U and three square holes per U, as on real rails. */
function Rail({ g, x }: { g: Geometry; x: number }) {
  const units = Array.from({ length: g.heightU }, (_, i) => i + 1);
  const holeX = x === WALL ? x + RAIL - 7 : x + 3;
  const numberX = x === WALL ? x + 11 : x + RAIL - 11;
  return (
    <g aria-hidden>
      <rect x={x} y={CAP} width={RAIL} height={g.heightU * U_PX} className="fill-slate-800/70" />
      {units.map((u) => {
        const top = yOfUnitTop(g, u);
        return (
          <g key={u}>
            <line x1={x} x2={x + RAIL} y1={top} y2={top} className="stroke-slate-700/60" />
            {[3, 8, 13].map((dy) => (
              <rect key={dy} x={holeX} y={top + dy} width="3.5" height="2.5" className="fill-slate-950" />
            ))}
            <text x={numberX} y={top + U_PX / 2 + 0.5} textAnchor="middle" dominantBaseline="middle" className="fill-slate-500 text-[9px] tabular-nums">
              {u}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function FreeBay({ g, run }: { g: Geometry; run: FreeRun }) {
  const { y, height } = slotBox(g, run.positionU, run.heightU);
  const dividers = Array.from({ length: run.heightU - 1 }, (_, i) => y + (i + 1) * U_PX);
  return (
    <g data-testid="rack-free-run" data-position-u={run.positionU} data-height-u={run.heightU}>
      <title>{`${formatRackUnits(run.positionU, run.heightU)} empty`}</title>
      {dividers.map((dy) => (
        <line key={dy} x1={BAY_X + 6} x2={BAY_X + BAY - 6} y1={dy} y2={dy} className="stroke-slate-800/80" strokeDasharray="1 4" />
      ))}
      <rect x={BAY_X + 1.5} y={y + 1.5} width={BAY - 3} height={height - 3} rx="2" fill="none" className="stroke-slate-700/70" strokeDasharray="4 3" />
      <text x={BAY_X + BAY / 2} y={y + height / 2 + 0.5} textAnchor="middle" dominantBaseline="middle" className="fill-slate-600 font-sans text-[10px]">
        {run.heightU}U free
      </text>
    </g>
  );
}

const healthMarker = { degraded: "fill-amber-400", failed: "fill-rose-500" } as const;

function describeReading(r: ServerHeat | null): string {
  if (!r) return ", no telemetry";
  const parts = [r.maxTempC === null ? null : `hottest GPU ${formatTempC(r.maxTempC)}`, r.totalPowerW === null ? null : `GPUs draw ${formatWatts(r.totalPowerW)}`];
  return `, ${parts.filter(Boolean).join(", ")} (at ${r.at.replace(/\.\d{3}Z$/, "Z")})`;
}

function describeServer(s: ElevationServer, r: ServerHeat | null): string {
  const health = s.worstGpuHealth && s.worstGpuHealth !== "healthy" ? `, a GPU ${s.worstGpuHealth}` : "";
  return `${s.hostname}: ${formatRackUnits(s.positionU, s.heightU)}, ${s.status}, ${s.model ?? "unknown model"}, ${s.gpuCount} GPUs${health}${describeReading(r)}`;
}

// Readings go into data attributes at 0.1 precision: enough for tests and scripts, no float noise.
const attr = (v: number | null | undefined) => (v == null ? undefined : String(Math.round(v * 10) / 10));

// Mono text is 0.6em wide per character; used to keep the health dot clear of the text at the right.
const monoWidth = (text: string, px: number) => text.length * px * 0.6;

function readoutClass(readout: SlotReadout): string {
  if (!readout) return "fill-slate-300 text-[10px]";
  return readout.isMissing ? "fill-slate-500 font-sans text-[10px] italic" : "fill-slate-50 text-[11px] font-semibold";
}

type SlotProps = { g: Geometry; server: ElevationServer; reading: ServerHeat | null; paint: SlotPaint; readout: SlotReadout; isHighlighted: boolean };

function ServerSlot({ g, server, reading, paint, readout, isHighlighted }: SlotProps) {
  const { y, height } = slotBox(g, server.positionU, server.heightU);
  const top = y + 1;
  const h = height - 2;
  const isTall = server.heightU >= 2;
  const gpus = server.gpuCount > 0 ? `${server.gpuCount}× GPU` : "no GPU";
  // With a readout, it takes the first line's right end and the GPU count moves below (or beside it, in 1U).
  const rightTop = readout ? (isTall ? readout.text : `${readout.text} · ${gpus}`) : gpus;
  const lineY = isTall ? top + 13 : top + h / 2 + 0.5;
  const tint = paint.tint ? { fill: paint.tint, stroke: paint.tint } : undefined;
  return (
    <Link
      href={serverHref(server.hostname)}
      aria-label={describeServer(server, reading)}
      className="group outline-none"
      data-testid="rack-slot"
      data-hostname={server.hostname}
      data-position-u={server.positionU}
      data-height-u={server.heightU}
      data-status={server.status}
      data-highlighted={isHighlighted || undefined}
      data-temp-c={attr(reading?.maxTempC)}
      data-power-w={attr(reading?.totalPowerW)}
      data-telemetry={readout ? (readout.isMissing ? "none" : "known") : undefined}
    >
      <title>{describeServer(server, reading)}</title>
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
        {server.hostname}
      </text>
      {isTall && (
        <text x={BAY_X + 14} y={top + 27} dominantBaseline="middle" className="fill-slate-400 font-sans text-[10px]">
          {server.model ?? "unknown model"}
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
      </text>
      {readout && isTall && (
        <text x={BAY_X + BAY - 12} y={top + 27} textAnchor="end" dominantBaseline="middle" className="fill-slate-400 text-[10px] tabular-nums">
          {gpus}
        </text>
      )}
      {server.worstGpuHealth && server.worstGpuHealth !== "healthy" && (
        <circle
          cx={Math.min(BAY_X + BAY - 70, BAY_X + BAY - 12 - monoWidth(rightTop, readout && !readout.isMissing ? 11 : 10) - 9)}
          cy={isTall ? top + 13 : top + h / 2}
          r="3.5"
          className={healthMarker[server.worstGpuHealth]}
        />
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
        <line key={ry} x1={x} x2={x + width} y1={ry} y2={ry} className="stroke-slate-300/10" strokeWidth="2" strokeDasharray="10 3" />
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
