import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CreateAlertRuleInput } from "../../../lib/alerts/schemas";
import { readCsvTable } from "../../../lib/datasets/csv";
import { PredictInput } from "../../../lib/deployments/schemas";
import { AppError } from "../../../lib/errors";
import { readInventoryCsv } from "../../../lib/inventory/inventory-csv";
import { CreateJobInput } from "../../../lib/jobs/schemas";
import { cronProblem } from "../../../lib/jobs/schedules/cron";
import { parseDcgmBytes, parseDcgmText } from "../../../lib/telemetry/dcgm/parser";
import { decodeWriteRequest } from "../../../lib/telemetry/remote-write/write-request";
import { FUZZ_RUNS, hostileJson, injection } from "../../support/hostile";
import { encodeWriteRequest, encodeWriteRequestProto, type TestSeries } from "../../support/remote-write";
import { compress } from "snappyjs";

/**
 * Every parser that reads outside input, fed generated hostile input: it
 * answers (a result, a list of refusals, or the domain's own error) and never
 * throws anything else, never loops, and keeps only what it can stand behind.
 */

const runs = { numRuns: FUZZ_RUNS * 10, seed: Number(process.env.RACKMIND_FUZZ_SEED ?? 20261206) };
// 10,000 inputs per parser at RACKMIND_FUZZ_RUNS=1000 take tens of seconds on a busy machine.
const timeout = Math.max(5_000, FUZZ_RUNS * 100);

// Lines that look like dcgm-exporter's, with every part of them varied and broken.
const metricName = fc.oneof(
  fc.constantFrom("DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_POWER_USAGE"),
  fc.string({ maxLength: 30 }),
);
const labelValue = fc.oneof(fc.string({ maxLength: 40 }), injection, fc.constant('a"b\\c\nd'));
const dcgmLine = fc
  .tuple(
    metricName,
    fc.dictionary(fc.constantFrom("gpu", "UUID", "Hostname", "modelName", "x"), labelValue, { maxKeys: 5 }),
    fc.oneof(fc.double().map(String), fc.constantFrom("NaN", "+Inf", "-Inf", "1e400", "0x1F", "", "12abc")),
    fc.option(fc.oneof(fc.integer().map(String), fc.constantFrom("1e30", "-5", "abc"))),
    fc.constantFrom("", " ", "\r", "\t", " # comment"),
  )
  .map(([name, labels, value, ts, tail]) => {
    const l = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
    return `${name}${l.length ? `{${l.join(",")}}` : ""} ${value}${ts === null ? "" : ` ${ts}`}${tail}`;
  });
const dcgmPage = fc.array(
  fc.oneof(dcgmLine, fc.string({ maxLength: 80 }), fc.constantFrom("# HELP x y", "# TYPE x gauge")),
  {
    maxLength: 40,
  },
);

describe("parsers under generated hostile input", () => {
  // NaN and ±Inf are legal exposition values: the parser reads them, ingest counts them as rejected.
  it(
    "dcgm text: every line is a sample or a counted rejection, the same as text and as bytes",
    () => {
      fc.assert(
        fc.property(dcgmPage, (lines) => {
          const text = lines.join("\n");
          const parsed = parseDcgmText(text);
          for (const s of parsed.samples) expect(typeof s.value).toBe("number");
          const data = text.split("\n").filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#")).length;
          expect(parsed.samples.length + parsed.rejected.length).toBeLessThanOrEqual(data);
          const bytes = parseDcgmBytes(new TextEncoder().encode(text));
          expect(bytes.samples.length).toBe(parsed.samples.length);
          expect(bytes.rejected.length).toBe(parsed.rejected.length);
        }),
        runs,
      );
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
          const parsed = parseDcgmBytes(bytes);
          for (const s of parsed.samples) expect(typeof s.metric).toBe("string");
        }),
        runs,
      );
    },
    timeout,
  );

  // Remote-write requests as Prometheus would send them, then cut, garbled, or not compressed at all.
  const testSeries: fc.Arbitrary<TestSeries> = fc.record({
    labels: fc.dictionary(
      fc.oneof(fc.constantFrom("__name__", "UUID", "gpu", "Hostname"), fc.string({ maxLength: 8 })),
      labelValue,
      {
        maxKeys: 5,
      },
    ),
    samples: fc.array(fc.tuple(fc.double(), fc.integer({ min: -(2 ** 40), max: 2 ** 45 })), { maxLength: 4 }),
  });
  const remoteWriteBody = fc.oneof(
    fc.uint8Array({ maxLength: 400 }),
    fc.array(testSeries, { maxLength: 4 }).map(encodeWriteRequest),
    fc.tuple(fc.array(testSeries, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat()).map(([series, at, by]) => {
      const body = encodeWriteRequest(series);
      const i = at % body.length;
      return by % 2 ? body.subarray(0, i) : body.map((b, k) => (k === i ? b ^ (1 << (by % 8)) : b));
    }),
    fc.tuple(fc.array(testSeries, { minLength: 1, maxLength: 4 }), fc.nat()).map(([series, at]) => {
      const proto = encodeWriteRequestProto(series);
      return compress(proto.subarray(0, at % proto.length));
    }),
    fc.uint8Array({ maxLength: 200 }).map((b) => compress(b)),
  );

  it(
    "remote-write bodies: decoded, or refused as 400/413 (AppError), never thrown otherwise",
    () => {
      fc.assert(
        fc.property(remoteWriteBody, (bytes) => {
          try {
            for (const s of decodeWriteRequest(bytes)) expect(s.values.length).toBe(s.timestampsMs.length);
          } catch (err) {
            expect(err).toBeInstanceOf(AppError);
            expect(["bad_request", "payload_too_large"]).toContain((err as AppError).code);
          }
        }),
        runs,
      );
    },
    timeout,
  );

  const csvText = fc
    .array(fc.array(fc.oneof(fc.string({ maxLength: 12 }), injection, fc.double().map(String)), { maxLength: 6 }), {
      maxLength: 12,
    })
    .chain((rows) =>
      fc
        .constantFrom(",", ";", "\t", " ")
        .map((d) => rows.map((r) => r.join(d)).join(Math.random() < 0.5 ? "\n" : "\r\n")),
    );

  it(
    "dataset CSV: a table of equal rows or the domain's own refusal, with every delimiter and header choice",
    () => {
      fc.assert(
        fc.property(
          fc.oneof(csvText, fc.string({ maxLength: 300 })),
          fc.boolean(),
          fc.constantFrom("auto", "comma", "semicolon", "tab", "whitespace") as fc.Arbitrary<never>,
          (text, header, delimiter) => {
            try {
              const table = readCsvTable(text, { header, delimiter });
              for (const record of table.records) expect(record.cells.length).toBe(table.names.length);
            } catch (err) {
              expect(err).toBeInstanceOf(AppError);
            }
          },
        ),
        runs,
      );
    },
    timeout,
  );

  it(
    "inventory CSV: every line is a validated row or a numbered error, never a throw",
    () => {
      const header = "site,rack,name,position,serial,gpu_uuid,gpu_index";
      fc.assert(
        fc.property(
          fc.oneof(
            csvText.map((t) => `${header}\n${t}`),
            fc.string({ maxLength: 300 }),
          ),
          (text) => {
            const { rows, errors } = readInventoryCsv(text);
            for (const e of errors) expect(e.line).toBeGreaterThanOrEqual(1);
            for (const r of rows) expect(typeof r.row.site).toBe("string");
          },
        ),
        runs,
      );
    },
    timeout,
  );

  it(
    "cron strings and time zones: usable, or a sentence saying why",
    () => {
      const field = fc.oneof(
        fc.constantFrom("*", "*/5", "0", "59", "60", "1-5", "MON", "L", "?", "#", "-1", "1,2,3"),
        fc.string({ maxLength: 6 }),
      );
      fc.assert(
        fc.property(
          fc.array(field, { minLength: 0, maxLength: 7 }).map((f) => f.join(" ")),
          fc.oneof(
            fc.constantFrom("UTC", "Europe/Amsterdam", "Asia/Shanghai", "Mars/Olympus", ""),
            fc.string({ maxLength: 20 }),
          ),
          (cron, tz) => {
            const problem = cronProblem(cron, tz);
            if (problem !== null) expect(problem.length).toBeGreaterThan(10);
          },
        ),
        runs,
      );
    },
    timeout,
  );

  it(
    "job specs, alert rules and predict instances: parsed or refused by their schema, never thrown past it",
    () => {
      for (const schema of [CreateJobInput, CreateAlertRuleInput, PredictInput]) {
        fc.assert(
          fc.property(hostileJson, (value) => {
            const parsed = schema.safeParse(value);
            if (!parsed.success) expect(parsed.error.issues.length).toBeGreaterThan(0);
          }),
          runs,
        );
      }
    },
    timeout,
  );
});
