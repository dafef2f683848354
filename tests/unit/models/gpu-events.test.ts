import { describe, expect, it } from "vitest";
import { describe as describeEvent, toEvents, type EventWindow } from "../../../lib/models/gpu-events";

const windows: EventWindow[] = [
  { gpuId: "g1", uuid: "GPU-1", hostname: "node-a", from: new Date(0), to: new Date(600_000) },
  { gpuId: "g2", uuid: "GPU-2", hostname: "node-b", from: new Date(0), to: new Date(600_000) },
];
const at = (s: number) => new Date(s * 1000);

describe("GPU events during a run", () => {
  it("folds a repeated XID into one event from its first sample to its last, and a new XID into another", () => {
    const events = toEvents(
      [
        { gpuId: "g1", field: "DCGM_FI_DEV_XID_ERRORS", at: at(10), value: 94 },
        { gpuId: "g1", field: "DCGM_FI_DEV_XID_ERRORS", at: at(40), value: 94 },
        { gpuId: "g1", field: "DCGM_FI_DEV_XID_ERRORS", at: at(70), value: 48 },
      ],
      windows,
      87,
    );
    expect(events).toEqual([
      expect.objectContaining({
        uuid: "GPU-1",
        hostname: "node-a",
        kind: "xid",
        value: 94,
        samples: 2,
        from: at(10).toISOString(),
        to: at(40).toISOString(),
      }),
      expect.objectContaining({
        kind: "xid",
        value: 48,
        samples: 1,
        text: "XID 48: double-bit ECC error (drain the GPU)",
      }),
    ]);
  });

  it("keeps one temperature excursion with its peak, and tells throttle reasons apart", () => {
    const events = toEvents(
      [
        { gpuId: "g2", field: "DCGM_FI_DEV_CLOCKS_EVENT_REASONS", at: at(5), value: 0x4 | 0x40 },
        { gpuId: "g2", field: "DCGM_FI_DEV_GPU_TEMP", at: at(20), value: 89 },
        { gpuId: "g2", field: "DCGM_FI_DEV_GPU_TEMP", at: at(50), value: 93.4 },
        { gpuId: "g2", field: "DCGM_FI_DEV_GPU_TEMP", at: at(80), value: 90 },
      ],
      windows,
      87,
    );
    expect(events.map((e) => [e.kind, e.value, e.text])).toEqual([
      ["throttle", 0x44, "clocks throttled: software power cap, hardware thermal slowdown"],
      ["temperature", 93.4, "temperature up to 93 °C (threshold 87 °C)"],
    ]);
    expect(events[1]).toMatchObject({ samples: 3, from: at(20).toISOString(), to: at(80).toISOString() });
  });

  it("names an XID it has no meaning for by its number", () => {
    expect(describeEvent("xid", 13, 87)).toBe("XID 13");
  });
});
