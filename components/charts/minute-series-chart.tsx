"use client";

import { useLocale } from "next-intl";
import { asLocale } from "@/lib/i18n/locales";
import { minuteChartConfig, type MinuteChartInput, type MinuteSeries } from "./minute-series-config";
import { useChart } from "./use-chart";

export type { MinuteSeries };

export type MinuteSeriesChartProps = MinuteChartInput & {
  /** The chart in words (its text alternative), written by the page from the same figures. */
  summary: string;
  /** What to say when no line has a point. */
  emptyText: string;
  height?: number;
  testId?: string;
};

function Legend({ series }: { series: MinuteSeries[] }) {
  return (
    <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-[11px] text-slate-400" aria-hidden>
      {series.map((s) => (
        <li key={s.label} className="flex items-center gap-1.5">
          <svg width="18" height="4">
            <line x1="0" y1="2" x2="18" y2="2" stroke={s.colour} strokeWidth="2" strokeDasharray={s.dash?.join(" ")} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Per-minute lines of a deployment (one per version, or per version and
 * percentile) over its window. The page passes plain arrays; a refresh with
 * new minutes rebuilds the chart, one with the same figures does not.
 */
export function MinuteSeriesChart(props: MinuteSeriesChartProps) {
  const { summary, emptyText, height = 180, testId, ...input } = props;
  const isEmpty = input.series.every((s) => s.points.every(([, v]) => v === null));
  // The reader's locale writes the axis and tooltip numbers; the page passes the words (summary, labels, unit).
  const locale = asLocale(useLocale());
  const { canvasRef, isReady } = useChart(JSON.stringify([input, locale]), isEmpty, (fonts) =>
    minuteChartConfig(input, fonts, locale),
  );
  return (
    <figure data-testid={testId} data-ready={isReady || undefined}>
      {!isEmpty && <Legend series={input.series} />}
      <div className="relative w-full" style={{ height }}>
        {isEmpty ? (
          <div className="grid h-full place-items-center rounded-md border border-dashed border-slate-800 text-xs text-slate-500">
            {emptyText}
          </div>
        ) : (
          <canvas ref={canvasRef} role="img" aria-label={summary}>
            {summary}
          </canvas>
        )}
      </div>
      <figcaption className="sr-only" data-testid={testId ? `${testId}-summary` : undefined}>
        {summary}
      </figcaption>
    </figure>
  );
}
