"use client";

import { Chart } from "chart.js";
import { useEffect, useRef, useState } from "react";
import { useColorScheme } from "@/components/ui/use-color-scheme";
import { readFontFamilies, seriesColoursFor, withAlpha } from "./chart-theme";
import { energyConfig, metricSeries, scoreConfig, type VersionMetricPoint } from "./version-metrics-config";

export type { VersionMetricPoint };

const ENERGY_PANEL_HEIGHT = 110;

function describeScores(points: VersionMetricPoint[]): string {
  const scored = points.filter((p) => p.accuracy !== null);
  if (scored.length === 0) return "Accuracy and F1 per version: no version has figures";
  const best = scored.reduce((a, b) => (b.accuracy! > a.accuracy! ? b : a));
  const last = scored.at(-1)!;
  return `Accuracy and F1 per version, ${scored.length} of ${points.length} versions with figures; highest accuracy ${(best.accuracy! * 100).toFixed(1)}% at v${best.version}; latest v${last.version}: accuracy ${(last.accuracy! * 100).toFixed(1)}%, F1 ${(last.f1! * 100).toFixed(1)}%`;
}

function describeEnergy(points: VersionMetricPoint[]): string {
  const known = points.filter((p) => p.energyKwh !== null);
  return known.length === 0
    ? "Energy per version: not known for any version"
    : `Energy per version in kWh: known for ${known.length} of ${points.length} versions`;
}

function Legend({ hasEnergy }: { hasEnergy: boolean }) {
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
        Accuracy
      </li>
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-0.5 w-3 rounded" style={{ backgroundColor: metricColours.f1 }} />
        F1
      </li>
      {hasEnergy && (
        <li className="flex items-center gap-1.5">
          <span
            className="inline-block size-2.5 rounded-sm"
            style={{ backgroundColor: withAlpha(metricColours.energy, 0.6) }}
          />
          Energy, kWh (below)
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

  useEffect(() => {
    if (points.length === 0) return;
    const fonts = readFontFamilies();
    const scores = scoresRef.current ? new Chart(scoresRef.current, scoreConfig(points, fonts)) : null;
    const energy = energyRef.current ? new Chart(energyRef.current, energyConfig(points, fonts)) : null;
    setIsReady(true);
    return () => {
      scores?.destroy();
      energy?.destroy();
      setIsReady(false);
    };
    // Keyed on the serialised points, as the other charts: equal data from a refresh must not rebuild them.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `points` on purpose
  }, [key, hasEnergy, scheme]);

  if (points.length === 0)
    return (
      <div className="grid h-32 place-items-center rounded-md border border-dashed border-slate-800 text-xs text-slate-500">
        No versions to chart
      </div>
    );
  return (
    <div data-testid={testId} data-versions={points.length} data-ready={isReady || undefined}>
      <Legend hasEnergy={hasEnergy} />
      <div className="relative h-52 w-full">
        <canvas ref={scoresRef} role="img" aria-label={describeScores(points)}>
          {describeScores(points)}
        </canvas>
      </div>
      {hasEnergy ? (
        <div className="relative mt-1 w-full" style={{ height: ENERGY_PANEL_HEIGHT }}>
          <canvas ref={energyRef} role="img" aria-label={describeEnergy(points)}>
            {describeEnergy(points)}
          </canvas>
        </div>
      ) : (
        <p className="mt-2 text-xs text-slate-500">
          Energy: not known for any version shown (the table below says why for each).
        </p>
      )}
    </div>
  );
}
