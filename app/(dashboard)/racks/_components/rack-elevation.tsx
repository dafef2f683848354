import { formatRackUnits } from "@/components/ui/rack-units";
import type { FreeRun, RackElevation } from "@/lib/inventory/rack-elevation";
import type { Translate } from "@/lib/i18n/translate";
import type { ServerHeat } from "@/lib/telemetry/views/fleet-heat";
import { colouringFor, powerScaleFor, type Clock, type ColourBy } from "./elevation-colourings";
import {
  BAY,
  BAY_X,
  CAP,
  FOOT,
  RAIL,
  U_PX,
  WALL,
  WIDTH,
  slotBox,
  yOfUnitTop,
  type Geometry,
} from "./elevation-geometry";
import { useElevationWords } from "./elevation-words";
import { ServerSlot } from "./rack-slot";

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
  clock,
  highlight = null,
}: {
  rack: RackElevation;
  colourBy?: ColourBy;
  readings?: Map<string, ServerHeat>;
  /** When readings are judged stale; pass the legend's, so both agree. */
  clock: Clock;
  highlight?: string | null;
}) {
  const g: Geometry = { heightU: rack.heightU, patternId: `hatch-${rack.site}-${rack.name}` };
  const height = 2 * CAP + rack.heightU * U_PX;
  const words = useElevationWords();
  const colouring = colouringFor(colourBy, powerScaleFor(rack), clock, words);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height + FOOT}`}
      width={WIDTH}
      height={height + FOOT}
      role="group"
      aria-label={words.t("label", { rack: rack.name, heightU: rack.heightU })}
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
        <FreeBay key={run.positionU} g={g} run={run} t={words.t} />
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
            words={words}
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
      <text
        x={WIDTH / 2}
        y={CAP / 2 + 1}
        textAnchor="middle"
        dominantBaseline="middle"
        className="fill-slate-400 text-[10px] tracking-[0.2em]"
      >
        {rack.name.toUpperCase()} · {rack.heightU}U
      </text>
      <circle cx={WIDTH - 22} cy={CAP / 2} r="2.5" className="fill-emerald-400/80" />
      <line
        x1={WALL}
        x2={WIDTH - WALL}
        y1={height - CAP / 2}
        y2={height - CAP / 2}
        className="stroke-slate-700"
        strokeDasharray="2 3"
      />
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
            <text
              x={numberX}
              y={top + U_PX / 2 + 0.5}
              textAnchor="middle"
              dominantBaseline="middle"
              className="fill-slate-500 text-[9px] tabular-nums"
            >
              {u}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function FreeBay({ g, run, t }: { g: Geometry; run: FreeRun; t: Translate }) {
  const { y, height } = slotBox(g, run.positionU, run.heightU);
  const dividers = Array.from({ length: run.heightU - 1 }, (_, i) => y + (i + 1) * U_PX);
  return (
    <g data-testid="rack-free-run" data-position-u={run.positionU} data-height-u={run.heightU}>
      <title>{t("freeTitle", { units: formatRackUnits(run.positionU, run.heightU) })}</title>
      {dividers.map((dy) => (
        <line
          key={dy}
          x1={BAY_X + 6}
          x2={BAY_X + BAY - 6}
          y1={dy}
          y2={dy}
          className="stroke-slate-800/80"
          strokeDasharray="1 4"
        />
      ))}
      <rect
        x={BAY_X + 1.5}
        y={y + 1.5}
        width={BAY - 3}
        height={height - 3}
        rx="2"
        fill="none"
        className="stroke-slate-700/70"
        strokeDasharray="4 3"
      />
      <text
        x={BAY_X + BAY / 2}
        y={y + height / 2 + 0.5}
        textAnchor="middle"
        dominantBaseline="middle"
        className="fill-slate-600 font-sans text-[10px]"
      >
        {t("free", { heightU: run.heightU })}
      </text>
    </g>
  );
}
