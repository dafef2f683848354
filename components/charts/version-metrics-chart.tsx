"use client";

import { Chart } from "chart.js";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useColorScheme } from "@/components/ui/use-color-scheme";
import { formatShare, versionTag } from "@/components/ui/model-figures";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { readFontFamilies, seriesColoursFor, withAlpha } from "./chart-theme";
import {
  energyConfig,
  metricSeries,
  scoreConfig,
  type VersionMetricPoint,
  type VersionMetricsWords,
} from "./version-metrics-config";

export type { VersionMetricPoint };

const ENERGY_PANEL_HEIGHT = 110;

function describeScores(points: VersionMetricPoint[], t: Translate, locale: Locale): string {
  const scored = points.filter((p) => p.accuracy !== null);
  if (scored.length === 0) return t("scoresNone");
  const best = scored.reduce((a, b) => (b.accuracy! > a.accuracy! ? b : a));
  const last = scored.at(-1)!;
  return t("scores", {
    scored: scored.length,
    count: points.length,
    best: formatShare(best.accuracy!, locale),
    bestVersion: versionTag(best.version),
    lastVersion: versionTag(last.version),
    lastAccuracy: formatShare(last.accuracy!, locale),
    lastF1: last.f1 === null ? "—" : formatShare(last.f1, locale),
  });
}

function describeEnergy(points: VersionMetricPoint[], t: Translate): string {
  const known = points.filter((p) => p.energyKwh !== null);
  return known.length === 0 ? t("energyNone") : t("energy", { known: known.length, count: points.length });
}

/** The words the canvases draw, in the reader's language. */
function useChartWords(): { t: Translate; words: VersionMetricsWords } {
  const t = useTranslations("charts.versionMetrics");
  const locale = asLocale(useLocale());
  const words: VersionMetricsWords = {
    locale,
    accuracy: t("accuracy"),
    f1: t("f1"),
    energy: t("energySeries"),
    scoreAxis: t("scoreAxis"),
    kwhAxis: t("kwhAxis"),
    notKnown: t("notKnown"),
    archived: (version) => t("archived", { version }),
    scoreTooltip: (series, value, rows) => t("scoreTooltip", { series, value, rows }),
    energyTooltip: (value) => t("energyTooltip", { value }),
  };
  return { t, words };
}

function Legend({ hasEnergy, t }: { hasEnergy: boolean; t: Translate }) {
  const lines = seriesColoursFor(useColorScheme());
  const metricColours = {
    accuracy: lines[metricSeries.accuracy],
    f1: lines[metricSeries.f1],
    energy: lines[metricSeries.energy],
  };
  return (
    <ul className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-400" aria-hidden>
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-0.5 w-3 rounded" style={{ backgroundColor: metricColours.accuracy }} />
        {t("accuracy")}
      </li>
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-0.5 w-3 rounded" style={{ backgroundColor: metricColours.f1 }} />
        {t("f1")}
      </li>
      {hasEnergy && (
        <li className="flex items-center gap-1.5">
          <span
            className="inline-block size-2.5 rounded-sm"
            style={{ backgroundColor: withAlpha(metricColours.energy, 0.6) }}
          />
          {t("energyLegend")}
        </li>
      )}
    </ul>
  );
}

/**
 * A model's figures across its versions: accuracy and F1 as lines, the run's
 * energy as bars in a panel below on the same versions (two panels, not two
 * y axes: percentages and kWh do not share a scale). Plain data in; the page
 * puts the same figures in a table beside it.
 */
export function VersionMetricsChart({ points, testId }: { points: VersionMetricPoint[]; testId?: string }) {
  const scoresRef = useRef<HTMLCanvasElement>(null);
  const energyRef = useRef<HTMLCanvasElement>(null);
  const [isReady, setIsReady] = useState(false);
  const hasEnergy = points.some((p) => p.energyKwh !== null);
  const key = JSON.stringify(points);
  const scheme = useColorScheme();
  const { t, words } = useChartWords();

  useEffect(() => {
    if (points.length === 0) return;
    const fonts = readFontFamilies();
    const scores = scoresRef.current ? new Chart(scoresRef.current, scoreConfig(points, fonts, words)) : null;
    const energy = energyRef.current ? new Chart(energyRef.current, energyConfig(points, fonts, words)) : null;
    setIsReady(true);
    return () => {
      scores?.destroy();
      energy?.destroy();
      setIsReady(false);
    };
    // Keyed on the serialised points, as the other charts: equal data from a refresh must not rebuild them.
    // `words` is rebuilt on every render; its language (`words.locale`) is what can change it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `points` on purpose
  }, [key, hasEnergy, scheme, words.locale]);

  if (points.length === 0)
    return (
      <div className="grid h-32 place-items-center rounded-md border border-dashed border-slate-800 text-xs text-slate-500">
        {t("empty")}
      </div>
    );
  return (
    <div data-testid={testId} data-versions={points.length} data-ready={isReady || undefined}>
      <Legend hasEnergy={hasEnergy} t={t} />
      <div className="relative h-52 w-full">
        <canvas ref={scoresRef} role="img" aria-label={describeScores(points, t, words.locale)}>
          {describeScores(points, t, words.locale)}
        </canvas>
      </div>
      {hasEnergy ? (
        <div className="relative mt-1 w-full" style={{ height: ENERGY_PANEL_HEIGHT }}>
          <canvas ref={energyRef} role="img" aria-label={describeEnergy(points, t)}>
            {describeEnergy(points, t)}
          </canvas>
        </div>
      ) : (
        <p className="mt-2 text-xs text-slate-500">{t("energyUnknown")}</p>
      )}
    </div>
  );
}
