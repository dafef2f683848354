import type { SampleReader } from "../ingest";
import type { RemoteSeries } from "./write-request";

/**
 * Which series of a remote-write request are GPU telemetry. A Prometheus
 * forwards everything it scrapes unless told otherwise (node-exporter, its own
 * metrics, …); only dcgm-exporter's series, named DCGM_… and labelled with the
 * GPU as the exporter labels it (`UUID`, else `Hostname` + `gpu`: what the
 * dcgm text path matches on), are read. The rest are counted and dropped, not
 * refused: refusing would make Prometheus drop the DCGM samples of the same
 * batch too.
 */

export type SeriesTally = {
  /** Series in the request. */
  series: number;
  /** Series not from dcgm-exporter, or without labels naming a GPU: not stored. */
  droppedSeries: number;
  /** Prometheus's staleness markers (a series ended): not samples, skipped. */
  staleMarkers: number;
};

/** dcgm-exporter's metric names: DCGM fields (DCGM_FI_…) and the exporter's own (DCGM_EXP_…). */
const DCGM_NAME = /^DCGM_[A-Z0-9_]+$/;

export function isDcgmGpuSeries(labels: RemoteSeries["labels"]): boolean {
  const name = labels.__name__;
  return (
    name !== undefined &&
    DCGM_NAME.test(name) &&
    (!!labels.UUID || (!!labels.Hostname && labels.gpu !== undefined && labels.gpu !== ""))
  );
}

// Prometheus marks a series stale with one particular NaN (value.StaleNaN,
// bits 0x7ff0000000000002); other NaNs are values, refused like the text path
// refuses them. StaleNaN is a signalling NaN, and the CPU may quiet it (set bit
// 51) wherever the double passes through a float register, so the quieted form
// counts too: no NaN Go or C produce has a payload of 2.
const bits = new DataView(new ArrayBuffer(8));
export function isStaleMarker(value: number): boolean {
  if (value === value) return false;
  bits.setFloat64(0, value);
  return (bits.getUint32(0) & 0xfff7_ffff) === 0x7ff0_0000 && bits.getUint32(4) === 2;
}

/**
 * The samples of the request's DCGM GPU series, for ingestSamples. A series'
 * position in the request (1-based) stands for the line in rejections.
 */
export function dcgmSeriesReader(series: readonly RemoteSeries[], tally: SeriesTally): SampleReader {
  return (visit) => {
    tally.series += series.length;
    series.forEach((s, i) => {
      if (!isDcgmGpuSeries(s.labels)) {
        tally.droppedSeries++;
        return;
      }
      // One labels object per series: ingestSamples looks its GPU up once.
      const metric = s.labels.__name__!;
      for (let k = 0; k < s.values.length; k++) {
        const value = s.values[k]!;
        if (isStaleMarker(value)) tally.staleMarkers++;
        else visit(metric, s.labels, value, s.timestampsMs[k]!, i + 1);
      }
    });
    return [];
  };
}
