// Pure helpers for HistogramChart, apart from the client component so server
// components (and tests) can use them without loading Chart.js.

/** One bar of a histogram: its axis label, its tooltip title, and how many values fell in it. */
export type HistogramBar = { label: string; title: string; count: number };

/** A number short enough for an axis tick: 3 significant digits, k/M for large values. */
export function formatBinEdge(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${+(value / 1e6).toPrecision(3)}M`;
  if (abs >= 1e4) return `${+(value / 1e3).toPrecision(3)}k`;
  if (abs !== 0 && abs < 1e-3) return value.toExponential(1);
  return String(+value.toPrecision(3));
}

/**
 * Bars of an equal-width histogram from its `edges` (one more than `counts`).
 * The label is the bin's lower edge; the tooltip names the whole interval,
 * closed on the right only for the last bin.
 */
export function numericBars(edges: readonly number[], counts: readonly number[]): HistogramBar[] {
  return counts.map((count, i) => {
    const isLast = i === counts.length - 1;
    const from = formatBinEdge(edges[i]!);
    const to = formatBinEdge(edges[i + 1] ?? edges[i]!);
    return { label: from, title: from === to ? from : `${from} to ${to}${isLast ? " (inclusive)" : ""}`, count };
  });
}

/** Bars of a categorical histogram: one per category, in the given order. */
export function categoricalBars(labels: readonly string[], counts: readonly number[]): HistogramBar[] {
  return labels.map((label, i) => ({ label, title: label, count: counts[i] ?? 0 }));
}
