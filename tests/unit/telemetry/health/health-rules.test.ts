import { describe, expect, it } from "vitest";
import {
  baselineOf,
  deriveCauses,
  deriveHealth,
  hasNewCause,
  nextBaseline,
  nextHealthState,
  reasonOf,
  type HealthCause,
  type HealthInputs,
  type Reading,
} from "../../../../lib/telemetry/health/health-rules";
import { demoCauseParams } from "../../../../lib/demo/demo-fleet-plan";
import { expectStateSays } from "../../../support/states-catalogue";

const AT = "2026-12-04T10:00:00.000Z";
const r = (value: number, at = AT): Reading => ({ value, at });
const normal: HealthInputs = {
  xid: r(0),
  uncorrectableRemappedRows: r(0),
  rowRemapFailure: r(0),
  tempC: r(55),
  sustainedPowerCapThrottle: null,
};
const none: HealthInputs = {
  xid: null,
  uncorrectableRemappedRows: null,
  rowRemapFailure: null,
  tempC: null,
  sustainedPowerCapThrottle: null,
};

describe("GPU health from telemetry", () => {
  it("fails a GPU on each drain XID with its meaning, but not on other XIDs", () => {
    expect(deriveHealth({ ...normal, xid: r(79) }, 87)).toEqual({
      health: "failed",
      reason: "XID 79: GPU has fallen off the bus",
    });
    expect(deriveHealth({ ...normal, xid: r(48) }, 87).reason).toBe("XID 48: double-bit ECC error");
    for (const xid of [94, 95]) expect(deriveHealth({ ...normal, xid: r(xid) }, 87).health).toBe("failed");
    expect(deriveHealth({ ...normal, xid: r(13) }, 87).health).toBe("healthy");
  });

  it("fails a GPU on a row-remap failure or uncorrectable remapped rows", () => {
    expect(deriveHealth({ ...normal, rowRemapFailure: r(1) }, 87)).toEqual({
      health: "failed",
      reason: "row remapping failed",
    });
    expect(deriveHealth({ ...normal, uncorrectableRemappedRows: r(2) }, 87).health).toBe("failed");
  });

  it("degrades a GPU above the temperature threshold (not at it) and on sustained power-cap throttling", () => {
    expect(deriveHealth({ ...normal, tempC: r(87) }, 87).health).toBe("healthy");
    expect(deriveHealth({ ...normal, tempC: r(87.4) }, 87)).toEqual({
      health: "degraded",
      reason: "temperature 87.4 °C above threshold 87 °C",
    });
    expect(deriveHealth({ ...normal, sustainedPowerCapThrottle: r(4) }, 87)).toEqual({
      health: "degraded",
      reason: "sustained power-cap throttling",
    });
  });

  it("treats missing telemetry as healthy", () => {
    expect(deriveHealth(none, 87).health).toBe("healthy");
  });

  it("keeps every cause, failed first, each with the sample that showed it", () => {
    const causes = deriveCauses({ ...normal, xid: r(48, "2026-12-04T09:59:30.000Z"), tempC: r(91.2) }, 87);
    expect(causes.map((c) => [c.code, c.level])).toEqual([
      ["xid", "failed"],
      ["temperature", "degraded"],
    ]);
    expect(causes[0]!.evidence).toEqual({ field: "DCGM_FI_DEV_XID_ERRORS", value: 48, at: "2026-12-04T09:59:30.000Z" });
    expect(causes[1]!.evidence).toEqual({ field: "DCGM_FI_DEV_GPU_TEMP", value: 91.2, at: AT });
    expect(reasonOf(causes)).toBe("XID 48: double-bit ECC error; temperature 91.2 °C above threshold 87 °C");
  });
});

describe("health transitions", () => {
  const xid48: HealthCause[] = deriveCauses({ ...normal, xid: r(48) }, 87);
  const hot = deriveCauses({ ...normal, tempC: r(92) }, 87);

  it("keeps a failed GPU failed until an operator clears it, and changes nothing when nothing changed", () => {
    expect(nextHealthState({ health: "failed", causes: xid48 }, [])).toBeNull();
    expect(nextHealthState({ health: "degraded", causes: hot }, [])).toEqual({ health: "healthy", causes: [] });
    expect(nextHealthState({ health: "healthy", causes: [] }, [])).toBeNull();
  });

  it("adds an over-temperature to a failed GPU's causes, and drops it again when it cools", () => {
    const both = nextHealthState({ health: "failed", causes: xid48 }, [...xid48, ...hot]);
    expect(both?.health).toBe("failed");
    expect(both?.causes.map((c) => c.code)).toEqual(["xid", "temperature"]);
    // The XID gauge went back to 0 (driver reset) and the GPU cooled: still failed, by the XID it had.
    const cooled = nextHealthState(both!, []);
    expect(cooled).toEqual({ health: "failed", causes: xid48 });
  });

  it("does not rewrite the causes when only a temperature value moves", () => {
    const hotter = deriveCauses({ ...normal, tempC: r(93) }, 87);
    expect(nextHealthState({ health: "degraded", causes: hot }, hotter)).toBeNull();
  });

  it("replaces a seeded cause with telemetry's own, and keeps an earlier XID beside a new one", () => {
    const seeded: HealthCause[] = [
      { code: "xid", level: "failed", source: "seed", text: "XID 48: double-bit ECC error" },
    ];
    expect(nextHealthState({ health: "failed", causes: seeded }, xid48)).toEqual({ health: "failed", causes: xid48 });
    const xid79 = deriveCauses({ ...normal, xid: r(79) }, 87);
    expect(nextHealthState({ health: "failed", causes: xid48 }, xid79)?.causes.map((c) => c.text)).toEqual([
      "XID 79: GPU has fallen off the bus",
      "XID 48: double-bit ECC error",
    ]);
  });

  it("tells a new cause from one already acknowledged", () => {
    expect(hasNewCause(xid48, xid48)).toBe(false);
    expect(hasNewCause(xid48, [...xid48, ...hot])).toBe(true);
    expect(hasNewCause([...xid48, ...hot], xid48)).toBe(false);
  });
});

describe("clearing accepts the failure values reported now", () => {
  it("does not fail a cleared GPU again on the same XID, but does on a new one or after the XID went back to 0", () => {
    const baseline = baselineOf({ ...normal, xid: r(48), uncorrectableRemappedRows: r(1) });
    expect(baseline).toEqual({ xid: 48, uncorrectableRemappedRows: 1, rowRemapFailure: null });
    expect(deriveHealth({ ...normal, xid: r(48), uncorrectableRemappedRows: r(1) }, 87, baseline).health).toBe(
      "healthy",
    );
    expect(deriveHealth({ ...normal, xid: r(79), uncorrectableRemappedRows: r(1) }, 87, baseline).reason).toBe(
      "XID 79: GPU has fallen off the bus",
    );
    expect(deriveHealth({ ...normal, xid: r(48), uncorrectableRemappedRows: r(3) }, 87, baseline).reason).toBe(
      "3 rows remapped for uncorrectable errors",
    );
    const afterReset = nextBaseline(baseline, { ...normal, xid: r(0), uncorrectableRemappedRows: r(1) });
    expect(afterReset).toEqual({ xid: null, uncorrectableRemappedRows: 1, rowRemapFailure: null });
    expect(deriveHealth({ ...normal, xid: r(48), uncorrectableRemappedRows: r(1) }, 87, afterReset).health).toBe(
      "failed",
    );
  });

  it("keeps heat out of the baseline: a GPU still too hot is degraded again", () => {
    expect(baselineOf({ ...normal, tempC: r(95) })).toBeNull();
    expect(deriveHealth({ ...normal, tempC: r(95) }, 87, baselineOf({ ...normal, tempC: r(95) })).health).toBe(
      "degraded",
    );
  });

  it("words every telemetry cause the same in the catalogue, in English and with its values in Chinese", () => {
    const inputs: HealthInputs[] = [48, 79, 94, 95].map((xid) => ({ ...normal, xid: r(xid) }));
    inputs.push(
      { ...normal, rowRemapFailure: r(1) },
      { ...normal, uncorrectableRemappedRows: r(1) },
      { ...normal, uncorrectableRemappedRows: r(3) },
      { ...normal, tempC: r(91.26) },
      { ...normal, sustainedPowerCapThrottle: r(4) },
    );
    const causes = inputs.flatMap((x) => deriveCauses(x, 87));
    expect(causes).toHaveLength(inputs.length);
    for (const c of causes) expectStateSays({ code: `health.${c.code}`, params: c.params ?? {} }, c.text);
    // The demo's seeded causes too.
    for (const [text, { code, params }] of Object.entries(demoCauseParams))
      expectStateSays({ code: `health.${code}`, params }, text);
  });
});
