import { describe, expect, it } from "vitest";
import { minuteChartConfig, type MinuteChartInput } from "../../../components/charts/minute-series-config";

const fonts = { sans: "sans-serif", mono: "monospace" };
const input = (markers?: MinuteChartInput["markers"]): MinuteChartInput => ({
  series: [
    {
      label: "v1 p95",
      colour: "#fff",
      points: [
        ["2026-12-06T10:00:00.000Z", 4],
        ["2026-12-06T10:01:00.000Z", 5],
      ],
    },
  ],
  markers,
  from: "2026-12-06T09:00:00.000Z",
  to: "2026-12-06T10:02:00.000Z",
  unit: "ms",
  decimals: 0,
});

describe("per-minute chart config", () => {
  it("has only the x and y scales without markers", () => {
    const config = minuteChartConfig(input(), fonts, "en");
    expect(Object.keys(config.options!.scales!)).toEqual(["x", "y"]);
    expect(config.data.datasets).toHaveLength(1);
  });

  it("places markers on a scale Chart.js can place (axis and type given), pinned to the top", () => {
    const config = minuteChartConfig(input([{ at: "2026-12-06T10:00:30.000Z", label: "gpu-1: XID 48" }]), fonts, "en");
    const scales = config.options!.scales as Record<string, { axis?: string; type?: string; display?: boolean }>;
    // Chart.js throws "Cannot determine type of 'markers' axis" for a scale without them.
    expect(scales.markers).toMatchObject({ axis: "y", type: "linear", display: false });
    const markers = config.data.datasets.at(-1)!;
    expect(markers).toMatchObject({ yAxisID: "markers", showLine: false });
    expect(markers.data).toEqual([{ x: Date.parse("2026-12-06T10:00:30.000Z"), y: 1 }]);
  });
});
