import { z } from "zod";
import { SummaryOut } from "../../energy/reports/summary-schemas";
import {
  AlertsQuery,
  BreakdownOut,
  BreakdownQuery,
  CarbonIntensitiesInput,
  EnergyFindingOut,
  EnergyReadingsInput,
  JobEnergyOut,
  MeterOut,
  MetersQuery,
  PutTariffInput,
  RackPowerOut,
  RackPowerQuery,
  ReadingsResultOut,
  SummaryQuery,
  TariffOut,
} from "../../energy/schemas";
import { defineContract, pageOf } from "../contract";

// Meters and readings, tariffs and grid carbon, and the reports built on them.

const siteParams = z.object({ site: z.string() });

export const postReadings = defineContract({
  method: "post",
  path: "/api/v1/energy/readings",
  permission: "energy.write",
  summary: "Post facility/IT meter readings (all or nothing)",
  description:
    "Each item is a cumulative kWh register (`kwhTotal`) or instantaneous power (`watts`); a meter is created on its first reading and keeps its scope and kind. " +
    'The same meter and time twice stores once. Any bad item: 422 with details [{path: "<index>.<field>", message, code}] and nothing written.',
  body: EnergyReadingsInput,
  response: { status: 200, description: "Stored", schema: ReadingsResultOut },
});

export const listMeters = defineContract({
  method: "get",
  path: "/api/v1/energy/meters",
  permission: "energy.read",
  summary: "Energy meters with their reading counts and latest reading",
  query: MetersQuery,
  response: { status: 200, description: "Meters", schema: pageOf(MeterOut) },
  errors: [404],
});

export const getSummary = defineContract({
  method: "get",
  path: "/api/v1/energy/summary",
  permission: "energy.read",
  summary: "A site's energy, PUE, cost and CO2e over [from, to)",
  description:
    "Every difference between two readings of a kWh register counts, however far apart (15 minutes, hourly, daily): readings further apart than maxGapMinutes are coarse, " +
    "their energy spread evenly where it must be split (the period's edges, days, tariff periods, carbon hours) and listed in `coarse`; a register that fell is a reset, counted from 0 and listed in `resets`. " +
    "Watts samples further apart than maxGapMinutes are gaps: reported, never interpolated across. The time before a meter's first reading is no gap; " +
    "the time since its last reading is one only once the meter is overdue (`meters[].readThrough` says how far each is read). " +
    "PUE is computed over the time both scopes were measured (`pueFrom`, `pueTo`). `format=csv` answers the per-day CSV of /api/v1/energy/summary.csv.",
  query: SummaryQuery,
  response: { status: 200, description: "The summary", schema: SummaryOut },
  errors: [404],
});

export const getSummaryCsv = defineContract({
  method: "get",
  path: "/api/v1/energy/summary.csv",
  permission: "energy.read",
  summary: "The energy summary per local day of the site, as CSV",
  query: SummaryQuery,
  response: {
    status: 200,
    description:
      "text/csv: date, from, to, itKwh, facilityKwh, pue, gpuKwh, cost, currency, co2eKg, costBasis, gaps, " +
      "coarseSplit (coarse register intervals the row's edges split evenly: the row's kWh are then an estimate), resets",
    schema: z.string(),
    mediaType: "text/csv",
  },
  errors: [404],
});

export const getTariff = defineContract({
  method: "get",
  path: "/api/v1/energy/tariffs/{site}",
  permission: "energy.read",
  summary: "A site's time-of-use tariff",
  params: siteParams,
  response: { status: 200, description: "The tariff", schema: TariffOut },
  errors: [404],
});

export const putTariff = defineContract({
  method: "put",
  path: "/api/v1/energy/tariffs/{site}",
  permission: "energy.write",
  summary: "Replace a site's time-of-use tariff",
  description:
    "Periods are wall-clock quarter hours in the site's time zone; the first period covering a time sets its price, the site's tariffPerKwh applies elsewhere. An empty list removes the schedule.",
  params: siteParams,
  body: PutTariffInput,
  response: { status: 200, description: "The tariff", schema: TariffOut },
  errors: [404],
});

export const postCarbonIntensity = defineContract({
  method: "post",
  path: "/api/v1/energy/carbon-intensity",
  permission: "energy.write",
  summary: "Upload hourly grid carbon intensity (all or nothing)",
  description:
    "Hours are UTC hour starts; an hour uploaded again is replaced. Hours without a value use the site's carbonGPerKwh.",
  body: CarbonIntensitiesInput,
  response: { status: 200, description: "Stored", schema: z.object({ accepted: z.number().int() }) },
});

export const getJobEnergy = defineContract({
  method: "get",
  path: "/api/v1/energy/jobs/{jobId}",
  permission: "energy.read",
  summary: "Energy, cost and CO2e of a job's GPUs while it held them",
  params: z.object({ jobId: z.string() }),
  response: { status: 200, description: "The job's energy", schema: JobEnergyOut },
  errors: [404],
});

export const listRackPower = defineContract({
  method: "get",
  path: "/api/v1/energy/racks",
  permission: "energy.read",
  summary: "Each rack's latest GPU power against its power cap",
  query: RackPowerQuery,
  response: { status: 200, description: "Racks, highest share of cap first", schema: pageOf(RackPowerOut) },
  errors: [404],
});

export const getBreakdown = defineContract({
  method: "get",
  path: "/api/v1/energy/breakdown",
  permission: "energy.read",
  summary: "A site's GPU energy per rack, server or GPU",
  query: BreakdownQuery,
  response: { status: 200, description: "Largest first", schema: BreakdownOut },
  errors: [404],
});

export const listEnergyAlerts = defineContract({
  method: "get",
  path: "/api/v1/energy/alerts",
  permission: "energy.read",
  summary: "Energy alert findings now: racks over a share of cap, sites with PUE above target",
  query: AlertsQuery,
  response: { status: 200, description: "Findings", schema: pageOf(EnergyFindingOut) },
});
