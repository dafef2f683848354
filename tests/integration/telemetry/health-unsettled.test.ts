import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "../../../lib/database/pool";
import { evaluateHealth, readHealthInputs } from "../../../lib/telemetry/health/evaluate-health";
import { readHealthBaseline, readHealthCauses } from "../../../lib/telemetry/health/health-causes";
import {
  deriveCauses,
  healthFields,
  nextBaseline,
  nextHealthState,
  type GpuHealth,
} from "../../../lib/telemetry/health/health-rules";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { getTelemetrySettings } from "../../../lib/telemetry/settings";
import { buildFleet } from "../../support/job-fleet";

// evaluateHealth reads only the GPUs whose health could change; this checks it
// against the rules applied to every GPU, over states chosen to sit on each
// edge of the filter (threshold temperature, a drain XID and a harmless one, a
// baseline that still holds and one that no longer does, causes without a
// baseline, a power-cap bit).

const HOSTS = ["node-u1", "node-u2"];
// Quiet values repeat, so GPUs one reading away from quiet — the states that
// test each term of the filter — come up often.
const CAUSES = {
  none: [],
  jsonNull: null,
  hot: [
    { code: "temperature", level: "degraded", source: "telemetry", text: "temperature 95 °C above threshold 87 °C" },
  ],
  xid: [{ code: "xid", level: "failed", source: "telemetry", text: "XID 48: double-bit ECC error" }],
  operator: [{ code: "operator", level: "failed", source: "operator", text: "drained by an operator" }],
};
const CAUSE_KEYS: (keyof typeof CAUSES)[] = ["none", "none", "jsonNull", "hot", "xid", "operator"];
const BASELINES = [null, null, null, { xid: 48 }, { uncorrectableRemappedRows: 2 }, { rowRemapFailure: 1 }, {}];
const READINGS = {
  [healthFields.xid]: [undefined, 0, 0, 0, 13, 48, 79],
  [healthFields.uncorrectableRemappedRows]: [undefined, 0, 0, 0, 1, 2],
  [healthFields.rowRemapFailure]: [undefined, 0, 0, 0, 1],
  [healthFields.tempC]: [undefined, 40, 40, 87, 87.5, 95],
  [healthFields.throttle]: [undefined, 0, 0, 0, 4],
};

const gpuState = fc.record({
  health: fc.constantFrom<GpuHealth>("healthy", "healthy", "healthy", "degraded", "failed"),
  causes: fc.constantFrom(...CAUSE_KEYS),
  baseline: fc.constantFrom(...BASELINES),
  readings: fc.record(
    Object.fromEntries(Object.entries(READINGS).map(([field, values]) => [field, fc.constantFrom(...values)])),
  ),
});

let gpus: { uuid: string; hostname: string; index: number }[];

beforeAll(async () => {
  const fleet = await buildFleet("unsettled", [
    { name: "r1", servers: HOSTS.map((hostname) => ({ hostname, gpus: 8 })) },
  ]);
  gpus = HOSTS.flatMap((hostname) => fleet.get(hostname)!.map((uuid, index) => ({ uuid, hostname, index })));
});

describe("health evaluation skips only GPUs nothing can change", () => {
  it("changes exactly the GPUs, and to exactly the states, the rules give when every GPU is read", async () => {
    const settings = await getTelemetrySettings();
    const pool = getPool();
    let lastAt = 0;
    let changedSomewhere = 0;
    let unchangedSomewhere = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(gpuState, { minLength: gpus.length, maxLength: gpus.length }), async (states) => {
        const at = (lastAt = Math.max(Date.now(), lastAt + 1));
        const lines = states.flatMap((s, i) =>
          Object.entries(s.readings).flatMap(([field, value]) =>
            value === undefined
              ? []
              : [
                  `${field}{gpu="${gpus[i]!.index}",UUID="${gpus[i]!.uuid}",Hostname="${gpus[i]!.hostname}"} ${value} ${at}`,
                ],
          ),
        );
        if (lines.length) await ingestDcgm(`${lines.join("\n")}\n`, new Date(at));
        // The stored state each GPU starts from, set after ingest evaluated it.
        const ids: string[] = [];
        for (const [i, s] of states.entries()) {
          const { rows } = await pool.query<{ id: string }>(
            `UPDATE "Gpu" SET health = $2::"GpuHealth", "healthCauses" = $3::jsonb, "healthBaseline" = $4::jsonb, "healthAck" = NULL
             WHERE uuid = $1 RETURNING id`,
            [gpus[i]!.uuid, s.health, JSON.stringify(CAUSES[s.causes]), s.baseline && JSON.stringify(s.baseline)],
          );
          ids.push(rows[0]!.id);
        }
        // What the rules give when every GPU is read.
        const inputs = await readHealthInputs(ids, settings);
        const expected = states.map((s, i) => {
          const x = inputs.get(ids[i]!)!;
          const baseline = nextBaseline(readHealthBaseline(s.baseline), x);
          const current = { health: s.health, causes: readHealthCauses(CAUSES[s.causes]) };
          const next = nextHealthState(current, deriveCauses(x, settings.degradedTempC, baseline));
          const changed = next !== null || JSON.stringify(baseline) !== JSON.stringify(readHealthBaseline(s.baseline));
          const causes = (next ?? current).causes.map((c) => `${c.level}:${c.code}:${c.source}`);
          return { changed, health: (next ?? current).health, causes: next ? causes : null, baseline };
        });
        await evaluateHealth(new Set(ids), settings);
        const { rows } = await pool.query<{ id: string; health: GpuHealth; causes: unknown; baseline: unknown }>(
          `SELECT id, health, "healthCauses" AS causes, "healthBaseline" AS baseline FROM "Gpu" WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const [i, want] of expected.entries()) {
          const got = byId.get(ids[i]!)!;
          const state = JSON.stringify(states[i]);
          expect(got.health, state).toBe(want.health);
          if (want.changed) {
            changedSomewhere++;
            if (want.causes)
              expect(
                readHealthCauses(got.causes).map((c) => `${c.level}:${c.code}:${c.source}`),
                state,
              ).toEqual(want.causes);
            expect(readHealthBaseline(got.baseline), state).toEqual(want.baseline);
          } else {
            unchangedSomewhere++;
            // Untouched: the causes and baseline exactly as stored.
            expect(got.causes, state).toEqual(CAUSES[states[i]!.causes]);
            expect(got.baseline, state).toEqual(states[i]!.baseline);
          }
        }
      }),
      { numRuns: 40, seed: 20261207 },
    );
    // The property ran on both sides of the filter.
    expect(changedSomewhere).toBeGreaterThan(0);
    expect(unchangedSomewhere).toBeGreaterThan(0);
  });
});
