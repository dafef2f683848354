import { z } from "zod";
import { GpuUuid, Name } from "../inventory/schemas";
import { WEEKDAYS } from "./pricing/local-time";

const isoTime = z.iso.datetime({ offset: true });

export const EnergyScope = z
  .enum(["facility", "it"])
  .meta({ id: "EnergyScope", description: "facility = the utility feed, it = the IT load" });

export const EnergyReadingInput = z
  .object({
    site: Name,
    meter: Name.meta({ description: "the meter's name at the site; created on its first reading" }),
    scope: EnergyScope,
    at: isoTime,
    kwhTotal: z.number().nonnegative().max(1e12).optional().meta({ description: "cumulative register, kWh" }),
    watts: z
      .number()
      .nonnegative()
      .max(1e10)
      .optional()
      .meta({ description: "instantaneous power, W (instead of kwhTotal)" }),
  })
  .refine((r) => (r.kwhTotal === undefined) !== (r.watts === undefined), {
    message: "give either kwhTotal (a cumulative register, kWh) or watts (instantaneous power, W)",
    path: ["kwhTotal"],
  })
  .meta({ id: "EnergyReadingInput" });
export type EnergyReadingInput = z.infer<typeof EnergyReadingInput>;

export const MAX_READINGS_PER_POST = 50_000;
export const EnergyReadingsInput = z
  .array(EnergyReadingInput)
  .min(1)
  .max(MAX_READINGS_PER_POST)
  .meta({ id: "EnergyReadingsInput" });

export const ReadingsResultOut = z
  .object({
    accepted: z.number().int(),
    stored: z.number().int().meta({ description: "readings that were new" }),
    duplicates: z
      .number()
      .int()
      .meta({ description: "readings already stored for the same meter and time (idempotent retries)" }),
    metersCreated: z.number().int(),
  })
  .meta({ id: "EnergyReadingsResult" });
export type ReadingsResultOut = z.infer<typeof ReadingsResultOut>;

const MAX_RANGE_DAYS = 400;

/** `from`/`to` default to the last 24 hours; at most 400 days. */
function rangeRefinement<S extends z.ZodType<{ from?: string; to?: string }>>(s: S): S {
  return s
    .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
      message: "from must be before to",
      path: ["from"],
    })
    .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_RANGE_DAYS * 86_400_000, {
      message: `at most ${MAX_RANGE_DAYS} days`,
      path: ["to"],
    });
}

const rangeFields = {
  from: isoTime.optional().meta({ description: "start (inclusive); default: `to` minus 24 hours" }),
  to: isoTime.optional().meta({ description: "end (exclusive); default: now" }),
};

export const SummaryQuery = rangeRefinement(
  z.object({
    site: Name,
    ...rangeFields,
    maxGapMinutes: z.coerce.number().int().min(1).max(1440).default(15).meta({
      description:
        "kWh register readings further apart than this are coarse (counted, spread evenly between them, listed in `coarse`); watts samples further apart are a gap (reported, not interpolated across)",
    }),
    format: z.enum(["json", "csv"]).default("json").meta({ description: "csv: one row per local day of the site" }),
  }),
);
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const MetersQuery = z.object({ site: Name.optional() });
export type MetersQuery = z.infer<typeof MetersQuery>;

export const MeterOut = z
  .object({
    site: z.string(),
    meter: z.string(),
    scope: EnergyScope,
    kind: z.enum(["register", "power"]).meta({ description: "register: cumulative kWh; power: instantaneous W" }),
    readings: z.number().int(),
    firstAt: z.string().nullable(),
    lastAt: z.string().nullable(),
    lastValue: z.number().nullable().meta({ description: "kWh for a register, W for a power meter" }),
  })
  .meta({ id: "EnergyMeter" });
export type MeterOut = z.infer<typeof MeterOut>;

const HhMm = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):(?:00|15|30|45)|24:00)$/, "hh:mm on a quarter hour, 00:00 to 24:00");

export const TariffPeriod = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1).max(7).meta({ description: "days the period starts on: sun, mon, … sat" }),
    from: HhMm,
    to: HhMm.meta({ description: "exclusive; earlier than `from` runs past midnight" }),
    pricePerKwh: z.number().nonnegative().max(1e6),
  })
  .refine((p) => p.from !== p.to && p.from !== "24:00", {
    message: "from must differ from to and be before 24:00",
    path: ["from"],
  })
  .meta({ id: "TariffPeriod" });
export type TariffPeriod = z.infer<typeof TariffPeriod>;

export const PutTariffInput = z
  .object({
    periods: z
      .array(TariffPeriod)
      .max(100)
      .meta({ description: "in the site's time zone; the first period covering a time sets its price" }),
  })
  .meta({ id: "PutTariffInput" });
export type PutTariffInput = z.infer<typeof PutTariffInput>;

export const TariffOut = z
  .object({
    site: z.string(),
    timezone: z.string(),
    currency: z.string(),
    flatPricePerKwh: z
      .number()
      .nullable()
      .meta({ description: "the site's tariffPerKwh: the price outside every period" }),
    periods: z.array(TariffPeriod),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "Tariff" });
export type TariffOut = z.infer<typeof TariffOut>;

export const CarbonIntensityInput = z
  .object({
    site: Name,
    hour: isoTime.refine((t) => Date.parse(t) % 3_600_000 === 0, "the start of a UTC hour, e.g. 2026-11-28T13:00:00Z"),
    gCo2ePerKwh: z.number().nonnegative().max(5000),
  })
  .meta({ id: "CarbonIntensityInput" });
export type CarbonIntensityInput = z.infer<typeof CarbonIntensityInput>;
export const CarbonIntensitiesInput = z.array(CarbonIntensityInput).min(1).max(100_000);

export const JobEnergyOut = z
  .object({
    jobId: z.string(),
    from: z.string(),
    to: z.string(),
    kwh: z.number(),
    cost: z
      .number()
      .nullable()
      .meta({ description: "null when a price is missing or the GPUs' sites bill in different currencies" }),
    currency: z.string().nullable(),
    co2eKg: z.number().nullable(),
    gpus: z.array(
      z.object({
        uuid: z.string(),
        hostname: z.string().nullable().meta({ description: "null when the GPU was removed from the inventory since" }),
        site: z.string().nullable(),
        from: z.string(),
        to: z.string(),
        kwh: z.number(),
        method: z
          .enum(["counter", "power", "rollup_1m", "rollup_1h"])
          .meta({ description: "energy counter deltas, raw power trapezoids, or rollup means" }),
        gaps: z.array(z.object({ from: z.string(), to: z.string() })),
        coarse: z.array(z.object({ from: z.string(), to: z.string(), kwh: z.number() })).meta({
          description:
            "method counter: samples of the energy counter more than 5 minutes apart, overlapping the allocation, with the counter’s difference between them (kWh). It counts, spread evenly between the two samples (at the allocation’s edges, tariff periods, carbon hours)",
        }),
      }),
    ),
  })
  .meta({ id: "JobEnergy" });
export type JobEnergyOut = z.infer<typeof JobEnergyOut>;

/** What the scheduler (the jobs issue) hands over when a job takes GPUs. */
export const AllocateGpusInput = z
  .object({
    jobId: z.string().trim().min(1).max(200),
    gpus: z.array(GpuUuid).min(1).max(1024),
    startedAt: z.date(),
    /** Known when recording a past allocation; otherwise set later by releaseGpus. */
    endedAt: z.date().optional(),
  })
  .refine((a) => !a.endedAt || a.endedAt > a.startedAt, {
    message: "endedAt must be after startedAt",
    path: ["endedAt"],
  });
export type AllocateGpusInput = z.infer<typeof AllocateGpusInput>;

export const ReleaseGpusInput = z.object({
  jobId: z.string().trim().min(1).max(200),
  endedAt: z.date(),
  /** Only these GPUs; default: every GPU the job still holds. */
  gpus: z.array(GpuUuid).min(1).max(1024).optional(),
});
export type ReleaseGpusInput = z.infer<typeof ReleaseGpusInput>;

export const RackPowerQuery = z.object({
  site: Name.optional(),
  maxAgeMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(15)
    .meta({ description: "GPU readings older than this do not count" }),
});
export type RackPowerQuery = z.infer<typeof RackPowerQuery>;

export const RackPowerOut = z
  .object({
    site: z.string(),
    rack: z.string(),
    powerW: z
      .number()
      .meta({ description: "sum of the latest DCGM_FI_DEV_POWER_USAGE of the rack's GPUs (GPUs only)" }),
    powerCapKw: z.number().nullable(),
    capUsedPct: z.number().nullable(),
    gpus: z.number().int(),
    gpusReporting: z.number().int(),
    at: z.string().nullable().meta({ description: "newest reading counted" }),
  })
  .meta({ id: "RackPower" });
export type RackPowerOut = z.infer<typeof RackPowerOut>;

export const BreakdownQuery = rangeRefinement(
  z.object({ site: Name, ...rangeFields, by: z.enum(["rack", "server", "gpu"]).default("rack") }),
);
export type BreakdownQuery = z.infer<typeof BreakdownQuery>;

export const BreakdownOut = z
  .object({
    site: z.string(),
    from: z.string(),
    to: z.string(),
    by: z.enum(["rack", "server", "gpu"]),
    totalKwh: z.number(),
    items: z.array(z.object({ name: z.string(), kwh: z.number() })),
  })
  .meta({ id: "EnergyBreakdown" });
export type BreakdownOut = z.infer<typeof BreakdownOut>;

export const AlertsQuery = z.object({
  rackCapPct: z.coerce
    .number()
    .positive()
    .max(1000)
    .default(90)
    .meta({ description: "flag racks drawing more than this % of their cap" }),
  pueTarget: z.coerce.number().min(1).max(10).default(1.5),
  pueWindowHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 31)
    .default(24),
});
export type AlertsQuery = z.infer<typeof AlertsQuery>;

export const EnergyFindingOut = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("rack_power_over_cap"),
      site: z.string(),
      rack: z.string(),
      powerW: z.number(),
      capW: z.number(),
      capUsedPct: z.number(),
      thresholdPct: z.number(),
      at: z.string().nullable(),
    }),
    z.object({
      kind: z.literal("pue_above_target"),
      site: z.string(),
      pue: z.number(),
      target: z.number(),
      from: z.string(),
      to: z.string(),
    }),
  ])
  .meta({ id: "EnergyFinding" });
export type EnergyFindingOut = z.infer<typeof EnergyFindingOut>;
