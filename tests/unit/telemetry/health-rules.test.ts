import { describe, expect, it } from "vitest";
import { deriveHealth, nextHealth, type HealthInputs } from "../../../lib/telemetry/health-rules";

const normal: HealthInputs = { xid: 0, uncorrectableRemappedRows: 0, rowRemapFailure: 0, tempC: 55, isPowerCapThrottlingSustained: false };

describe("GPU health from telemetry", () => {
  it("fails a GPU on each drain XID with its meaning, but not on other XIDs", () => {
    expect(deriveHealth({ ...normal, xid: 79 }, 87)).toEqual({ health: "failed", reason: "XID 79: GPU has fallen off the bus" });
    expect(deriveHealth({ ...normal, xid: 48 }, 87).reason).toBe("XID 48: double-bit ECC error");
    for (const xid of [94, 95]) expect(deriveHealth({ ...normal, xid }, 87).health).toBe("failed");
    expect(deriveHealth({ ...normal, xid: 13 }, 87).health).toBe("healthy");
  });

  it("fails a GPU on a row-remap failure or uncorrectable remapped rows", () => {
    expect(deriveHealth({ ...normal, rowRemapFailure: 1 }, 87)).toEqual({ health: "failed", reason: "row remapping failed" });
    expect(deriveHealth({ ...normal, uncorrectableRemappedRows: 2 }, 87).health).toBe("failed");
  });

  it("degrades a GPU above the temperature threshold (not at it) and on sustained power-cap throttling", () => {
    expect(deriveHealth({ ...normal, tempC: 87 }, 87).health).toBe("healthy");
    expect(deriveHealth({ ...normal, tempC: 87.4 }, 87)).toEqual({ health: "degraded", reason: "temperature 87.4 °C above threshold 87 °C" });
    expect(deriveHealth({ ...normal, isPowerCapThrottlingSustained: true }, 87)).toEqual({ health: "degraded", reason: "sustained power-cap throttling" });
  });

  it("treats missing telemetry as healthy", () => {
    expect(deriveHealth({ xid: null, uncorrectableRemappedRows: null, rowRemapFailure: null, tempC: null, isPowerCapThrottlingSustained: false }, 87).health).toBe("healthy");
  });

  it("keeps a failed GPU failed until an operator clears it, and changes nothing when nothing changed", () => {
    expect(nextHealth("failed", { health: "healthy", reason: null })).toBeNull();
    expect(nextHealth("degraded", { health: "healthy", reason: null })).toEqual({ health: "healthy", reason: null });
    expect(nextHealth("healthy", { health: "healthy", reason: null })).toBeNull();
  });
});
