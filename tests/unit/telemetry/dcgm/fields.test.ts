import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DCGM_DEFAULT_FIELDS, DCGM_HEALTH_FIELDS, findDcgmField } from "../../../../lib/telemetry/dcgm/fields";

const repoRoot = path.resolve(import.meta.dirname, "../../../..");
const fixture = path.resolve(repoRoot, "../shared/fixtures/dcgm-default-counters.csv");

/** dcgm-exporter's CSV: "field, type, help"; '#' starts a comment line (commented-out fields are not defaults). */
function readFixture(): { name: string; type: string; help: string }[] {
  return readFileSync(fixture, "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const [name, type, ...help] = line.split(",");
      return { name: name!.trim(), type: type!.trim(), help: help.join(",").trim() };
    });
}

describe("DCGM_DEFAULT_FIELDS", () => {
  it("lists exactly the fixture's default counters, in its order, with its types and help", () => {
    expect(DCGM_DEFAULT_FIELDS.map(({ name, type, help }) => ({ name, type, help }))).toEqual(readFixture());
  });

  it("takes each unit from the help text's '(in X)', and says what unitless fields count", () => {
    for (const field of DCGM_DEFAULT_FIELDS) {
      const stated = /\(in ([^)]+)\)/.exec(field.help)?.[1];
      if (stated) expect(field.unit, field.name).toBe(stated);
      else expect(["count", "xid", "flag"], field.name).toContain(field.unit);
    }
  });

  it("has unique names", () => {
    expect(new Set(DCGM_DEFAULT_FIELDS.map((f) => f.name)).size).toBe(DCGM_DEFAULT_FIELDS.length);
  });
});

describe("DCGM_HEALTH_FIELDS", () => {
  it("names only fields the exporter serves by default", () => {
    for (const name of Object.values(DCGM_HEALTH_FIELDS)) expect(findDcgmField(name), name).toBeDefined();
  });

  it("leaves out the clock throttle / clocks event reasons, which are not default counters", () => {
    const names = readFixture().map((f) => f.name);
    expect(names).not.toContain("DCGM_FI_DEV_CLOCK_THROTTLE_REASONS");
    expect(names).not.toContain("DCGM_FI_DEV_CLOCKS_EVENT_REASONS");
    expect(findDcgmField("DCGM_FI_DEV_CLOCK_THROTTLE_REASONS")).toBeUndefined();
  });
});
