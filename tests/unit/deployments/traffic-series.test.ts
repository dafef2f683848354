import { describe, expect, it } from "vitest";
import { trafficCharts } from "../../../app/(dashboard)/deployments/[name]/_components/traffic-series";
import { english } from "./english-words";

const w = { t: english("charts"), role: english("role"), locale: "en" as const };

const minute = (m: number) => `2026-12-06T16:0${m}:00.000Z`;
const point = (m: number, requests: number, errors: number, p95: number | null) => ({
  minute: minute(m),
  requests,
  errors,
  p50: p95 === null ? null : p95 / 2,
  p95,
  p99: p95 === null ? null : p95 * 2,
});

describe("a deployment's traffic charts", () => {
  const charts = trafficCharts(
    [
      { version: 1, role: "stable", points: [point(1, 10, 0, 4), point(2, 30, 1, 6)] },
      { version: 2, role: "canary", points: [point(2, 3, 1, 12)] },
    ],
    60,
    w,
  );

  it("draws one line per version, coloured by role, and three latency lines per version", () => {
    expect(charts.requests.series.map((s) => s.label)).toEqual(["v1 stable", "v2 canary"]);
    expect(charts.requests.series[0]!.colour).not.toBe(charts.requests.series[1]!.colour);
    expect(charts.requests.series[0]!.points).toEqual([
      [minute(1), 10],
      [minute(2), 30],
    ]);
    expect(charts.latency.series.map((s) => s.label)).toEqual([
      "v1 stable p50",
      "v1 stable p95",
      "v1 stable p99",
      "v2 canary p50",
      "v2 canary p95",
      "v2 canary p99",
    ]);
    expect(charts.latency.series[1]!.points[1]).toEqual([minute(2), 6]);
  });

  it("says in words what each chart shows, totals and the latest minute per version", () => {
    expect(charts.requests.summary).toBe(
      "Requests per minute over the last 60 min: v1 stable 40 requests in all, 30 in its latest minute; v2 canary 3 requests in all, 3 in its latest minute",
    );
    expect(charts.errors.summary).toContain("v2 canary 1 error in all");
    expect(charts.latency.summary).toContain("v1 stable latest minute p50 3.0 ms, p95 6.0 ms, p99 12.0 ms");
  });

  it("says there was no traffic rather than drawing zeros", () => {
    const empty = trafficCharts([], 15, w);
    expect(empty.requests).toEqual({ series: [], summary: "Requests per minute: no requests in the last 15 min" });
    expect(empty.latency.summary).toBe("Latency per minute: no requests in the last 15 min");
  });
});
