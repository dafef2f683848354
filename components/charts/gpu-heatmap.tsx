"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { chartColoursFor } from "@/components/charts/chart-theme";
import { heatColour, scaleFraction, TEMP_SCALE } from "@/components/ui/heat-scale";
import { type ColorScheme, useColorScheme } from "@/components/ui/use-color-scheme";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { RackHeat } from "@/lib/telemetry/views/gpu-heatmap";

type Measure = "tempC" | "utilPct";
const CELL = 9;
const GAP = 1;
// No reading is its own colour (slate-700 on dark, slate-300 on light), never "cool".
const noData = (scheme: ColorScheme) => chartColoursFor(scheme).noData;

const fraction = (m: Measure, v: number) =>
  m === "tempC" ? scaleFraction(v, TEMP_SCALE.minC, TEMP_SCALE.maxC) : scaleFraction(v, 0, 100);
const unit = (m: Measure) => (m === "tempC" ? "°C" : "%");

function RackCanvas({ rack, measure }: { rack: RackHeat; measure: Measure }) {
  const t = useTranslations("charts.heatmap");
  const locale = asLocale(useLocale());
  const reading = (v: number) => `${formatNumber(v, locale, 1)} ${unit(measure)}`;
  const ref = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<string | null>(null);
  const width = Math.max(1, ...rack.servers.map((s) => s.gpus)) * (CELL + GAP);
  const height = rack.servers.length * (CELL + GAP);
  const scheme = useColorScheme();
  useEffect(() => {
    const ctx = ref.current?.getContext("2d");
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    let i = 0;
    rack.servers.forEach((s, row) => {
      for (let g = 0; g < s.gpus; g++, i++) {
        const v = rack[measure][i];
        ctx.fillStyle = v === null || v === undefined ? noData(scheme) : heatColour(fraction(measure, v));
        ctx.fillRect(g * (CELL + GAP), row * (CELL + GAP), CELL, CELL);
      }
    });
  }, [rack, measure, width, height, scheme]);
  const values = rack[measure].filter((v): v is number => v !== null);
  const name = `${rack.site}/${rack.rack}`;
  const label =
    values.length === 0
      ? t("rackSilent", { rack: name })
      : t("rackSummary", {
          rack: name,
          reporting: values.length,
          gpus: rack[measure].length,
          highest: reading(Math.max(...values)),
        });
  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const row = Math.floor((e.clientY - box.top) / (CELL + GAP));
    const col = Math.floor((e.clientX - box.left) / (CELL + GAP));
    const server = rack.servers[row];
    if (!server || col >= server.gpus) return setHover(null);
    const index = rack.servers.slice(0, row).reduce((n, s) => n + s.gpus, 0) + col;
    const v = rack[measure][index];
    setHover(
      t("cell", {
        hostname: server.hostname,
        index: col,
        value: v === null || v === undefined ? t("noData") : reading(v),
      }),
    );
  };
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="font-mono text-[11px] text-slate-400">
        {rack.site}/{rack.rack}
      </figcaption>
      <canvas
        ref={ref}
        width={width}
        height={height}
        role="img"
        aria-label={label}
        title={hover ?? label}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
      />
    </figure>
  );
}

/** All GPUs by rack (rows: servers top to bottom, cells: GPUs), coloured by temperature or utilisation. */
export function GpuHeatmap({ racks }: { racks: RackHeat[] }) {
  const t = useTranslations("charts.heatmap");
  const [measure, setMeasure] = useState<Measure>("tempC");
  const scheme = useColorScheme();
  return (
    <div className="space-y-3">
      <div role="radiogroup" aria-label={t("colourBy")} className="flex gap-2 text-xs">
        {(["tempC", "utilPct"] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={measure === m}
            onClick={() => setMeasure(m)}
            className={`rounded px-2 py-0.5 ring-1 ring-inset ${
              measure === m ? "bg-emerald-500/15 text-emerald-200 ring-emerald-500/40" : "text-slate-300 ring-slate-700"
            }`}
          >
            {m === "tempC" ? t("temperature", { min: TEMP_SCALE.minC, max: TEMP_SCALE.maxC }) : t("utilisation")}
          </button>
        ))}
        <span className="flex items-center gap-1 text-slate-400">
          <span aria-hidden className="inline-block size-2.5" style={{ background: noData(scheme) }} /> {t("noData")}
        </span>
      </div>
      <div className="flex flex-wrap gap-4">
        {racks.map((r) => (
          <RackCanvas key={`${r.site}/${r.rack}`} rack={r} measure={measure} />
        ))}
      </div>
    </div>
  );
}
