import { describe, expect, it } from "vitest";
import {
  gpuSelector,
  planRange,
  QueryRangeAnswer,
  quotePromqlString,
  seriesQuery,
  toPoints,
} from "../../../../lib/telemetry/views/prometheus-series/promql";

const matrix = (values: [number, string][][]): QueryRangeAnswer =>
  QueryRangeAnswer.parse({
    status: "success",
    data: { resultType: "matrix", result: values.map((v) => ({ metric: {}, values: v })) },
  });

describe("PromQL for a GPU's series", () => {
  it("quotes label values so no value can end the string or the selector", () => {
    expect(quotePromqlString("GPU-1234")).toBe('"GPU-1234"');
    expect(quotePromqlString('a"b')).toBe('"a\\"b"');
    expect(quotePromqlString("a\\b")).toBe('"a\\\\b"');
    expect(quotePromqlString('x"} or vector(1) #')).toBe('"x\\"} or vector(1) #"');
    expect(quotePromqlString("line\nbreak\ttab\u0000")).toBe('"line\\nbreak\\u0009tab\\u0000"');
    expect(quotePromqlString("温度")).toBe('"温度"');
  });

  it("selects by __name__ and the UUID label, so a metric named like a keyword stays a name", () => {
    expect(gpuSelector("DCGM_FI_DEV_GPU_TEMP", "GPU-abc")).toBe('{__name__="DCGM_FI_DEV_GPU_TEMP",UUID="GPU-abc"}');
    expect(gpuSelector("offset", 'GPU-"')).toBe('{__name__="offset",UUID="GPU-\\""}');
  });

  it("aggregates over a window one millisecond short of the step, folded into one series", () => {
    const sel = gpuSelector("DCGM_FI_DEV_POWER_USAGE", "GPU-1");
    expect(seriesQuery("avg", sel, 60)).toBe(`avg(avg_over_time(${sel}[59999ms]))`);
    expect(seriesQuery("max", sel, 1)).toBe(`max(max_over_time(${sel}[999ms]))`);
    expect(seriesQuery("min", sel, 3600)).toBe(`min(min_over_time(${sel}[3599999ms]))`);
  });

  it("evaluates each epoch-aligned bucket at its last millisecond", () => {
    const from = Date.parse("2026-12-01T10:00:07Z");
    const to = Date.parse("2026-12-01T10:05:00Z");
    const plan = planRange(from, to, 60);
    // Buckets 10:00 … 10:04 (10:05 is `to` itself, excluded): evaluated at 10:00:59.999 … 10:04:59.999.
    expect(plan).toEqual({
      start: ((Date.parse("2026-12-01T10:01:00Z") - 1) / 1000).toFixed(3),
      end: ((Date.parse("2026-12-01T10:05:00Z") - 1) / 1000).toFixed(3),
      step: "60",
    });
    expect(planRange(0, 1000, 1)).toEqual({ start: "0.999", end: "0.999", step: "1" });
  });

  it("labels each point with its bucket's start, in time order across series", () => {
    const b = Date.parse("2026-12-01T10:00:00Z") / 1000;
    const answer = matrix([[[b + 119.999, "5"]], [[b + 59.999, "2.5"]]]);
    expect(toPoints(answer, 60)).toEqual([
      ["2026-12-01T10:00:00.000Z", 2.5],
      ["2026-12-01T10:01:00.000Z", 5],
    ]);
  });

  it("leaves out values that are not finite numbers, as steps without data", () => {
    const answer = matrix([
      [
        [0.999, "NaN"],
        [1.999, "+Inf"],
        [2.999, "-Inf"],
        [3.999, ""],
        [4.999, "1e3"],
        [5.999, "-0.5"],
      ],
    ]);
    expect(toPoints(answer, 1)).toEqual([
      ["1970-01-01T00:00:04.000Z", 1000],
      ["1970-01-01T00:00:05.000Z", -0.5],
    ]);
  });

  it("accepts only a successful matrix", () => {
    const ok = { status: "success", data: { resultType: "matrix", result: [] } };
    expect(QueryRangeAnswer.safeParse(ok).success).toBe(true);
    expect(QueryRangeAnswer.safeParse({ status: "error", errorType: "bad_data", error: "parse error" }).success).toBe(
      false,
    );
    expect(QueryRangeAnswer.safeParse({ status: "success", data: { resultType: "vector", result: [] } }).success).toBe(
      false,
    );
    expect(
      QueryRangeAnswer.safeParse({
        status: "success",
        data: { resultType: "matrix", result: [{ metric: {}, values: [[1, 2]] }] },
      }).success,
    ).toBe(false);
  });
});
