import { compress } from "snappyjs";
import { WriteRequestType } from "../../lib/telemetry/remote-write/prompb";

/** A series as a test writes it: labels (with __name__) and [value, ms] samples. */
export type TestSeries = { labels: Record<string, string>; samples: [value: number, timestampMs: number][] };

/** Prometheus's staleness marker, bits 0x7ff0000000000002 (JS's own NaN is 0x7ff8…). */
export const STALE_NAN = new DataView(new Uint8Array([0x7f, 0xf0, 0, 0, 0, 0, 0, 2]).buffer).getFloat64(0);

/** The protobuf bytes of a prometheus.WriteRequest, uncompressed. */
export function encodeWriteRequestProto(series: TestSeries[]): Uint8Array {
  const message = WriteRequestType.fromObject({
    timeseries: series.map((s) => ({
      labels: Object.entries(s.labels).map(([name, value]) => ({ name, value })),
      samples: s.samples.map(([value, timestamp]) => ({ value, timestamp })),
    })),
  });
  return WriteRequestType.encode(message).finish();
}

/** What Prometheus's remote_write POSTs: the WriteRequest, snappy-compressed (block format). */
export function encodeWriteRequest(series: TestSeries[]): Uint8Array {
  return compress(encodeWriteRequestProto(series));
}

/** The labels dcgm-exporter puts on a GPU's series, as Prometheus forwards them (plus job and instance). */
export function dcgmLabels(
  name: string,
  g: { uuid: string; hostname: string; index: number },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    __name__: name,
    DCGM_FI_DRIVER_VERSION: "535.183.01",
    Hostname: g.hostname,
    UUID: g.uuid,
    device: `nvidia${g.index}`,
    gpu: String(g.index),
    instance: `${g.hostname}:9400`,
    job: "dcgm-exporter",
    modelName: "NVIDIA H100 80GB HBM3",
    pci_bus_id: "00000000:18:00.0",
    ...extra,
  };
}
