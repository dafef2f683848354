import { z } from "zod";
import { EnergyScope } from "../schemas";

// What GET /api/v1/energy/summary answers: the totals, and what a reader must
// know about the readings they come from (gaps, coarse intervals, resets, how
// far each meter is read, and over which time PUE was measured).

export const GapOut = z.object({ meter: z.string(), from: z.string(), to: z.string() }).meta({
  id: "EnergyGap",
  description:
    "time a meter said nothing about, no energy counted: between watts samples further apart than maxGapMinutes, or since a meter's last reading once it is overdue (a register: silent for more than twice its own reading interval, and more than maxGapMinutes; a watts meter: more than maxGapMinutes). The time before a meter's first reading is no gap: the meter did not exist yet",
});

export const CoarseOut = z
  .object({
    meter: z.string(),
    scope: EnergyScope,
    from: z.string().meta({
      description: "the reading that starts the run; before the period's start when the period cuts its interval",
    }),
    to: z
      .string()
      .meta({ description: "the reading that ends the run; after the period's end when the period cuts its interval" }),
    intervals: z
      .number()
      .int()
      .meta({ description: "consecutive reading intervals in the run, each longer than maxGapMinutes" }),
    intervalMinutes: z.number().meta({ description: "the longest of them" }),
    kwh: z
      .number()
      .meta({ description: "the register's difference from `from` to `to` (resets counted as in `resets`)" }),
    kwhInPeriod: z
      .number()
      .meta({ description: "the part of kwh counted in the period: each interval's energy spread evenly over it" }),
    cut: z.enum(["start", "end", "both"]).nullable().meta({
      description:
        "which edge of the period falls inside the interval, splitting it; null: the run lies whole in the period",
    }),
  })
  .meta({
    id: "EnergyCoarseInterval",
    description:
      "kWh register readings further apart than maxGapMinutes (a meter read hourly or daily). Their difference is energy that was used, so it always counts; only how it was spread inside the interval is unknown, so it is taken as constant power wherever it must be split: at the period's edges, between days of the CSV and hours of the trend, between tariff periods and carbon-intensity hours. Consecutive intervals of a meter are one run; an interval the period's edge cuts is a run of its own (cut: start, end or both), its share in the period apportioned linearly. Totals over a period whose edges fall on readings are exact.",
  });

export const ResetOut = z
  .object({
    meter: z.string(),
    scope: EnergyScope,
    from: z.string(),
    to: z.string(),
    kwh: z.number().meta({ description: "counted for the interval: the later reading, counted from 0" }),
  })
  .meta({
    id: "EnergyRegisterReset",
    description:
      "a reading interval in which the register fell (meter swap, rollover). The energy before the reset counts in the earlier intervals and the energy after it as the new value counted from 0; what the old register counted between its last reading and the reset is unknown, so the interval's kWh is a lower bound",
  });

export const PueUnknownReason = z.enum(["no_facility_meter", "no_it_meter", "no_common_time", "no_energy"]).meta({
  id: "PueUnknownReason",
  description:
    "why pue is null: no facility meter, no IT meter, no time in the period when both scopes were measured (a meter not read yet, or read too coarsely to fit), or one scope used no energy",
});

export const GpuTelemetryOut = z
  .object({
    gpus: z.number().int().meta({ description: "GPUs at the site" }),
    gpusReporting: z.number().int().meta({ description: "of them, those that sent power readings in the period" }),
    coverage: z.number().meta({
      description:
        "the share of the period × the site's GPUs that power readings cover, 0–1: gpuKwh counts only that time (a GPU that sent nothing adds nothing)",
    }),
    from: z
      .string()
      .nullable()
      .meta({ description: "the first covered time in the period; null when nothing was reported" }),
    to: z.string().nullable(),
  })
  .meta({
    id: "EnergyGpuTelemetry",
    description: "what gpuKwh rests on, so GPU energy of a few reported minutes is not read as the period's",
  });

export const SummaryOut = z
  .object({
    site: z.string(),
    from: z.string(),
    to: z.string(),
    itKwh: z.number().meta({ description: "IT meters' energy read so far in the period (see meters[].readThrough)" }),
    facilityKwh: z
      .number()
      .meta({ description: "facility meters' energy read so far in the period (see meters[].readThrough)" }),
    pue: z.number().nullable().meta({
      description:
        "facility ÷ IT energy over [pueFrom, pueTo), the time in the period both scopes were measured: from when both are metered to the last reading of the meter read least recently, less any meter's gaps and reset intervals (a reset counts a lower bound). An end of that span that falls inside a coarse interval of one meter moves to that interval's reading (unless every meter is read at the same two times around it), so an evenly spread scope is never divided by a measured one. null: see pueUnknownReason",
    }),
    pueFrom: z.string().nullable(),
    pueTo: z.string().nullable(),
    pueUnknownReason: PueUnknownReason.nullable(),
    cost: z
      .number()
      .nullable()
      .meta({ description: "of the energy named by costBasis; null when some of it has no price" }),
    currency: z.string(),
    co2eKg: z.number().nullable(),
    costBasis: z
      .enum(["facility", "it", "gpu"])
      .meta({ description: "facility meters when there are any, else IT meters, else GPU telemetry" }),
    gpuKwh: z.number().meta({
      description:
        "GPU power telemetry of the site's GPUs (DCGM_FI_DEV_POWER_USAGE), over the GPU-time gpuTelemetry covers",
    }),
    gpuTelemetry: GpuTelemetryOut,
    meters: z.array(
      z.object({
        meter: z.string(),
        scope: EnergyScope,
        kind: z.enum(["register", "power"]),
        kwh: z.number(),
        readFrom: z.string().meta({ description: "its first reading, or the period's start when it was read before" }),
        readThrough: z.string().meta({
          description:
            "its last reading, or the period's end when it was read after; its energy after this is not known yet (earlier than `from` when not read since before the period)",
        }),
        intervalMinutes: z.number().nullable().meta({
          description:
            "how often it is read: the median time between its readings around the period; null with fewer than two",
        }),
      }),
    ),
    gaps: z.array(GapOut),
    coarse: z.array(CoarseOut),
    resets: z.array(ResetOut),
  })
  .meta({ id: "EnergySummary" });
export type SummaryOut = z.infer<typeof SummaryOut>;
