import { describe, expect, it } from "vitest";
import { AppError } from "../../../../lib/errors";
import {
  decodeWriteRequest,
  REMOTE_WRITE_MAX_DECODED_BYTES,
} from "../../../../lib/telemetry/remote-write/write-request";
import { dcgmLabels, encodeWriteRequest, encodeWriteRequestProto, STALE_NAN } from "../../../support/remote-write";
import { compress } from "snappyjs";
import { isStaleMarker } from "../../../../lib/telemetry/remote-write/dcgm-series";

const gpu = { uuid: "GPU-1b2c3d4e-0000-0000-0000-000000000001", hostname: "ams1-r01-n01", index: 3 };
const t = Date.UTC(2026, 11, 6, 10, 0, 0);

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error("expected a refusal");
}

describe("decoding a remote-write body", () => {
  it("reads every series' labels and samples, times in ms (int64, also before 1970 and past 2^32)", () => {
    const series = decodeWriteRequest(
      encodeWriteRequest([
        {
          labels: dcgmLabels("DCGM_FI_DEV_GPU_TEMP", gpu),
          samples: [
            [41, t],
            [42.5, t + 15_000],
          ],
        },
        {
          labels: { __name__: "up", job: "node" },
          samples: [
            [1, -1_000],
            [0, 2 ** 40],
          ],
        },
        { labels: { __name__: "empty" }, samples: [] },
      ]),
    );
    expect(series).toHaveLength(3);
    expect({ ...series[0]!.labels }).toEqual(dcgmLabels("DCGM_FI_DEV_GPU_TEMP", gpu));
    expect(series[0]).toMatchObject({ values: [41, 42.5], timestampsMs: [t, t + 15_000] });
    expect(series[1]).toMatchObject({ values: [1, 0], timestampsMs: [-1_000, 2 ** 40] });
    expect(series[2]).toMatchObject({ values: [], timestampsMs: [] });
  });

  it("keeps Prometheus's staleness marker bit for bit, apart from other NaNs", () => {
    const [s] = decodeWriteRequest(
      encodeWriteRequest([
        {
          labels: { __name__: "DCGM_FI_DEV_GPU_UTIL" },
          samples: [
            [STALE_NAN, t],
            [NaN, t + 1],
          ],
        },
      ]),
    );
    expect(isStaleMarker(s!.values[0]!)).toBe(true);
    expect(Number.isNaN(s!.values[1])).toBe(true);
    expect(isStaleMarker(s!.values[1]!)).toBe(false);
    expect(isStaleMarker(41)).toBe(false);
  });

  it("reads an empty request (Prometheus sends metadata-only ones) as no series", () => {
    expect(decodeWriteRequest(encodeWriteRequest([]))).toEqual([]);
  });

  it("refuses every truncation of a valid body as a 400 (bad_request), never a shorter request", () => {
    const body = encodeWriteRequest([
      { labels: dcgmLabels("DCGM_FI_DEV_GPU_TEMP", gpu), samples: [[41, t]] },
      { labels: dcgmLabels("DCGM_FI_DEV_POWER_USAGE", gpu), samples: [[312.5, t]] },
    ]);
    for (let n = 0; n < body.length; n++) {
      expect(refusal(() => decodeWriteRequest(body.subarray(0, n))).code, `first ${n} bytes`).toBe("bad_request");
    }
  });

  it("refuses a body that is not snappy, or whose protobuf is broken, as a 400", () => {
    expect(
      refusal(() => decodeWriteRequest(encodeWriteRequestProto([{ labels: { a: "b" }, samples: [[1, t]] }]))).code,
    ).toBe("bad_request");
    expect(refusal(() => decodeWriteRequest(new TextEncoder().encode("DCGM_FI_DEV_GPU_TEMP 41\n"))).code).toBe(
      "bad_request",
    );
    // Valid snappy around a protobuf cut short: a length-delimited field running past the end.
    const proto = encodeWriteRequestProto([{ labels: dcgmLabels("DCGM_FI_DEV_GPU_TEMP", gpu), samples: [[41, t]] }]);
    const error = refusal(() => decodeWriteRequest(compress(proto.subarray(0, proto.length - 4))));
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(/not a remote-write WriteRequest/);
    expect(refusal(() => decodeWriteRequest(compress(new Uint8Array([0x07, 0x01])))).code).toBe("bad_request");
  });

  it("refuses a body that says it decompresses past the limit as a 413, before decompressing it", () => {
    const varint = (n: number) => {
      const out: number[] = [];
      for (; n >= 0x80; n = Math.floor(n / 0x80)) out.push((n & 0x7f) | 0x80);
      return [...out, n];
    };
    const body = new Uint8Array([...varint(REMOTE_WRITE_MAX_DECODED_BYTES + 1), 0x00, 0x00]);
    const error = refusal(() => decodeWriteRequest(body));
    expect(error.code).toBe("payload_too_large");
    expect(error.details).toEqual({ limitBytes: REMOTE_WRITE_MAX_DECODED_BYTES });
  });
});
