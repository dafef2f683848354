import type { ServerStatus } from "@/lib/generated/prisma/enums";
import type { ElevationServer } from "@/lib/inventory/rack-elevation";

/**
 * What the elevation colours servers by. Only status exists today; max GPU
 * temperature and power draw join when telemetry does: add the reading to
 * ElevationServer, a key here and an entry in `colourings`. Nothing else in
 * the drawing needs to change.
 */
export type ColourBy = "status";

/** SVG classes for one drawn server. Literal strings, so Tailwind finds them in the source. */
export type SlotPaint = {
  body: string;
  edge: string;
  stripe: string;
  text: string;
  /** Diagonal hatching over the body, for equipment that is out of service. */
  isHatched: boolean;
};

export type LegendEntry = { label: string; paint: SlotPaint };

export type Colouring = {
  /** What the colours mean, as the legend's heading. */
  title: string;
  legend: LegendEntry[];
  paint: (server: ElevationServer) => SlotPaint;
};

const statusPaint: Record<ServerStatus, SlotPaint> = {
  active: { body: "fill-emerald-500/12", edge: "stroke-emerald-400/55", stripe: "fill-emerald-400", text: "fill-slate-50", isHatched: false },
  maintenance: { body: "fill-amber-500/15", edge: "stroke-amber-400/70", stripe: "fill-amber-400", text: "fill-amber-50", isHatched: false },
  retired: { body: "fill-slate-700/35", edge: "stroke-slate-500/60", stripe: "fill-slate-500", text: "fill-slate-400", isHatched: true },
};

export const colourings: Record<ColourBy, Colouring> = {
  status: {
    title: "Server status",
    legend: (["active", "maintenance", "retired"] as const).map((s) => ({ label: s, paint: statusPaint[s] })),
    paint: (server) => statusPaint[server.status],
  },
};
