"use client";

import { Chart } from "chart.js";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useColorScheme } from "@/components/ui/use-color-scheme";
import { formatFixed } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { chartColoursFor, readFontFamilies, seriesColoursFor, withAlpha } from "./chart-theme";
import {
  energyConfig,
  kwhFormat,
  pueConfig,
  seriesColour,
  visibleSeries,
  type EnergyTrendStep,
  type EnergyTrendWords,
  type Series,
} from "./energy-trend-config";

export type { EnergyTrendStep };

export type EnergyTrendChartProps = {
  steps: EnergyTrendStep[];
  /** "hour" or "day": the y axis reads "kWh per hour". */
  stepName: "hour" | "day";
  /** Drawn as a dashed line on the PUE axis. */
  pueTarget?: number;
  /** Both panels together, CSS pixels. */
  height?: number;
  /** What to say when there is nothing to draw. */
  emptyText?: string;
  testId?: string;
};

const PUE_PANEL_HEIGHT = 96;

function describePue(p: EnergyTrendChartProps, t: Translate, words: EnergyTrendWords): string {
  const pues = p.steps.flatMap((s) => (s.pue === null ? [] : [s.pue]));
  const two = (v: number) => formatFixed(v, 2, words.locale);
  return pues.length === 0
    ? t("pueUnknown")
    : t(`pueRange.${p.stepName}`, { lowest: two(Math.min(...pues)), highest: two(Math.max(...pues)) });
}

function describe(p: EnergyTrendChartProps, t: Translate, words: EnergyTrendWords): string {
  const sum = (pick: (s: EnergyTrendStep) => number) =>
    kwhFormat(
      p.steps.reduce((n, s) => n + pick(s), 0),
      words.locale,
    );
  return t(`energySummary.${p.stepName}`, {
    count: p.steps.length,
    facility: sum((s) => s.facilityKwh),
    it: sum((s) => s.itKwh),
    gpu: sum((s) => s.gpuKwh),
  });
}

/** The words the canvases draw, in the reader's language. */
function useChartWords(stepName: "hour" | "day"): { t: Translate; words: EnergyTrendWords } {
  const t = useTranslations("charts.energyTrend");
  const locale = asLocale(useLocale());
  const names = { facility: t("series.facility"), it: t("series.it"), gpu: t("series.gpu"), pue: t("series.pue") };
  const words: EnergyTrendWords = {
    locale,
    names,
    kwhAxis: t(`kwhAxis.${stepName}`),
    target: (target) => t("target", { target }),
  };
  return { t, words };
}

function Legend({
  series,
  pueTarget,
  t,
  words,
}: {
  series: Series[];
  pueTarget?: number;
  t: Translate;
  words: EnergyTrendWords;
}) {
  const scheme = useColorScheme();
  const lines = seriesColoursFor(scheme);
  const colours = (s: Series) => lines[seriesColour[s]];
  return (
    <ul className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-400" aria-hidden>
      {series.map((s) => (
        <li key={s} className="flex items-center gap-1.5">
          {s === "gpu" || s === "pue" ? (
            <span className="inline-block h-0.5 w-3 rounded" style={{ backgroundColor: colours(s) }} />
          ) : (
            <span
              className="inline-block size-2.5 rounded-sm"
              style={{ backgroundColor: withAlpha(colours(s), s === "facility" ? 0.45 : 0.8) }}
            />
          )}
          {s === "pue" ? t("pueBelow") : t("seriesKwh", { series: words.names[s] })}
        </li>
      ))}
      {series.includes("pue") && pueTarget !== undefined && (
        <li className="flex items-center gap-1.5">
          <span
            className="inline-block w-3 border-t border-dashed"
            style={{ borderColor: chartColoursFor(scheme).threshold }}
          />
          {t("pueTarget")}
        </li>
      )}
    </ul>
  );
}

/**
 * A site's energy per hour or day: facility and IT kWh as overlapping bars
 * (the facility part above the IT bar is the overhead), GPU kWh as a line, and
 * underneath, on the same steps, PUE with its target dashed. Two panels rather
 * than a second y axis: a PUE line drawn across the bars was hard to read.
 * Plain data in, nothing fetched.
 */
export function EnergyTrendChart(props: EnergyTrendChartProps) {
  const energyRef = useRef<HTMLCanvasElement>(null);
  const pueRef = useRef<HTMLCanvasElement>(null);
  const [isReady, setIsReady] = useState(false);
  const series = visibleSeries(props.steps);
  const hasEnergy = series.some((s) => s !== "pue");
  const hasPue = series.includes("pue");
  const { t, words } = useChartWords(props.stepName);
  const propsKey = JSON.stringify(props);
  const scheme = useColorScheme();

  useEffect(() => {
    if (!hasEnergy) return;
    const fonts = readFontFamilies();
    const energy = energyRef.current
      ? new Chart(energyRef.current, energyConfig(props, visibleSeries(props.steps), fonts, !hasPue, words))
      : null;
    const pue = pueRef.current ? new Chart(pueRef.current, pueConfig(props, fonts, words)) : null;
    setIsReady(true);
    return () => {
      energy?.destroy();
      pue?.destroy();
      setIsReady(false);
    };
    // Keyed on the serialised props, as in TimeSeriesChart: equal data from a refresh must not rebuild the charts.
    // `words` is rebuilt on every render; its language (`words.locale`) is what can change it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `propsKey` stands for `props` on purpose
  }, [propsKey, hasEnergy, hasPue, scheme, words.locale]);

  const height = props.height ?? 260;
  return (
    <div
      data-testid={props.testId}
      data-steps={props.steps.length}
      data-series={series.join(" ")}
      data-ready={isReady || undefined}
    >
      {hasEnergy ? (
        <>
          <Legend series={series} pueTarget={props.pueTarget} t={t} words={words} />
          <div className="relative w-full" style={{ height: hasPue ? height - PUE_PANEL_HEIGHT : height }}>
            <canvas ref={energyRef} role="img" aria-label={describe(props, t, words)}>
              {describe(props, t, words)}
            </canvas>
          </div>
          {hasPue && (
            <div className="relative mt-1 w-full" style={{ height: PUE_PANEL_HEIGHT }}>
              <canvas ref={pueRef} role="img" aria-label={describePue(props, t, words)}>
                {describePue(props, t, words)}
              </canvas>
            </div>
          )}
        </>
      ) : (
        <div
          className="grid place-items-center rounded-md border border-dashed border-slate-800 px-6 text-center text-xs text-slate-500"
          style={{ height: Math.min(height, 160) }}
        >
          {props.emptyText ?? t("empty")}
        </div>
      )}
    </div>
  );
}
