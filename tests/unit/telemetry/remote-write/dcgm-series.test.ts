import { describe, expect, it } from "vitest";
import {
  dcgmSeriesReader,
  isDcgmGpuSeries,
  type SeriesTally,
} from "../../../../lib/telemetry/remote-write/dcgm-series";
import { decodeWriteRequest } from "../../../../lib/telemetry/remote-write/write-request";
import { dcgmLabels, encodeWriteRequest, STALE_NAN, type TestSeries } from "../../../support/remote-write";

const gpu = { uuid: "GPU-1b2c3d4e-0000-0000-0000-000000000001", hostname: "ams1-r01-n01", index: 3 };
const t = Date.UTC(2026, 11, 6, 10, 0, 0);

function read(series: TestSeries[]) {
  const tally: SeriesTally = { series: 0, droppedSeries: 0, staleMarkers: 0 };
  const visited: { metric: string; uuid?: string; value: number; ms: number | null; line: number }[] = [];
  const rejected = dcgmSeriesReader(
    decodeWriteRequest(encodeWriteRequest(series)),
    tally,
  )((metric, labels, value, ms, line) => visited.push({ metric, uuid: labels.UUID, value, ms, line }));
  return { tally, visited, rejected };
}

describe("the DCGM series of a remote-write request", () => {
  it("hands on dcgm-exporter's GPU series and counts the others as dropped", () => {
    const { tally, visited, rejected } = read([
      { labels: { __name__: "node_load1", instance: "ams1-r01-n01:9100" }, samples: [[0.5, t]] },
      {
        labels: dcgmLabels("DCGM_FI_DEV_GPU_TEMP", gpu),
        samples: [
          [41, t],
          [42, t + 1_000],
        ],
      },
      { labels: { __name__: "up", job: "dcgm-exporter" }, samples: [[1, t]] },
      // An exporter-wide DCGM series names no GPU: nothing to match it to.
      { labels: { __name__: "DCGM_EXP_BUILD_INFO", job: "dcgm-exporter" }, samples: [[1, t]] },
      { labels: { __name__: "dcgm_fi_dev_gpu_temp", UUID: gpu.uuid }, samples: [[1, t]] },
      // No UUID, but Hostname + gpu: matched the way the dcgm text path matches it.
      { labels: { __name__: "DCGM_FI_DEV_POWER_USAGE", Hostname: gpu.hostname, gpu: "3" }, samples: [[300, t]] },
    ]);
    expect(tally).toEqual({ series: 6, droppedSeries: 4, staleMarkers: 0 });
    expect(rejected).toEqual([]);
    expect(visited).toEqual([
      { metric: "DCGM_FI_DEV_GPU_TEMP", uuid: gpu.uuid, value: 41, ms: t, line: 2 },
      { metric: "DCGM_FI_DEV_GPU_TEMP", uuid: gpu.uuid, value: 42, ms: t + 1_000, line: 2 },
      { metric: "DCGM_FI_DEV_POWER_USAGE", uuid: undefined, value: 300, ms: t, line: 6 },
    ]);
  });

  it("skips and counts staleness markers, and hands on other NaNs for ingest to refuse", () => {
    const { tally, visited } = read([
      {
        labels: dcgmLabels("DCGM_FI_DEV_GPU_UTIL", gpu),
        samples: [
          [97, t],
          [STALE_NAN, t + 1_000],
          [NaN, t + 2_000],
        ],
      },
    ]);
    expect(tally.staleMarkers).toBe(1);
    expect(visited.map((v) => v.ms)).toEqual([t, t + 2_000]);
    expect(Number.isNaN(visited[1]!.value)).toBe(true);
  });

  it("hands on duplicate series as they come (the store keeps one sample per GPU, field and time)", () => {
    const labels = dcgmLabels("DCGM_FI_DEV_GPU_TEMP", gpu);
    const { visited } = read([
      { labels, samples: [[41, t]] },
      { labels: { ...labels, instance: "other-prometheus" }, samples: [[41, t]] },
    ]);
    expect(visited).toHaveLength(2);
  });

  it("needs a DCGM name and a UUID, or Hostname with a gpu index", () => {
    expect(isDcgmGpuSeries({ __name__: "DCGM_FI_DEV_GPU_TEMP", UUID: gpu.uuid })).toBe(true);
    expect(isDcgmGpuSeries({ __name__: "DCGM_FI_DEV_GPU_TEMP", Hostname: "h", gpu: "0" })).toBe(true);
    expect(isDcgmGpuSeries({ __name__: "DCGM_FI_DEV_GPU_TEMP", Hostname: "h" })).toBe(false);
    expect(isDcgmGpuSeries({ __name__: "DCGM_FI_DEV_GPU_TEMP", UUID: "" })).toBe(false);
    expect(isDcgmGpuSeries({ UUID: gpu.uuid })).toBe(false);
  });
});
