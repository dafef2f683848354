import { z } from "zod";
import { partialUpdate } from "../partial-update";
import { PageQuery } from "../pagination";

/** Names operators type and scripts pass in URLs: no spaces or slashes. */
export const Name = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, dash and underscore only");
/** A rack by name, or `site/rack` when the same rack name exists at two sites. */
export const RackRef = z
  .string()
  .trim()
  .min(1)
  .max(130)
  .regex(/^([A-Za-z0-9._-]+\/)?[A-Za-z0-9._-]+$/, "a rack name, or site/rack");

export const ServerStatus = z.enum(["active", "maintenance", "retired"]).meta({ id: "ServerStatus" });
export const GpuHealth = z.enum(["healthy", "degraded", "failed"]).meta({ id: "GpuHealth" });

export const ListServersQuery = PageQuery.extend({
  status: ServerStatus.optional(),
  rack: RackRef.optional().meta({ description: "rack name, or site/rack" }),
  site: z.string().min(1).optional().meta({ description: "site name" }),
  q: z.string().min(1).max(200).optional().meta({ description: "substring of hostname, model or serial" }),
});
export type ListServersQuery = z.infer<typeof ListServersQuery>;

export const ServerOut = z
  .object({
    hostname: z.string(),
    site: z.string(),
    rack: z.string(),
    positionU: z.number().int(),
    heightU: z.number().int(),
    model: z.string().nullable(),
    serial: z.string().nullable(),
    status: ServerStatus,
    gpuCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Server" });
export type ServerOut = z.infer<typeof ServerOut>;

const money = z.number().nonnegative().max(1e6);

export const Currency = z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR");
export const TimeZone = z
  .string()
  .refine(isTimeZone, "an IANA time zone such as Europe/Amsterdam")
  .transform(canonicalTimeZoneCase);
export const PciBusId = z
  .string()
  .trim()
  .regex(/^[0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\.[0-7]$/, "a PCI bus id such as 00000000:18:00.0");

export const CreateSiteInput = z
  .object({
    name: Name,
    tariffPerKwh: money.optional().meta({ description: "price of one kWh in `currency`" }),
    currency: Currency.default("USD"),
    carbonGPerKwh: z
      .number()
      .nonnegative()
      .max(5000)
      .optional()
      .meta({ description: "grid carbon intensity, gCO2e/kWh" }),
    timezone: TimeZone.default("UTC"),
  })
  .meta({ id: "CreateSiteInput" });
export type CreateSiteInput = z.infer<typeof CreateSiteInput>;

// Store the usual spelling (europe/amsterdam → Europe/Amsterdam) without
// resolvedOptions(), which would rename modern zones to legacy ones (Kolkata → Calcutta).
function canonicalTimeZoneCase(tz: string): string {
  const lower = tz.toLowerCase();
  return Intl.supportedValuesOf("timeZone").find((z) => z.toLowerCase() === lower) ?? tz;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const SiteOut = z
  .object({
    name: z.string(),
    tariffPerKwh: z.number().nullable(),
    currency: z.string(),
    carbonGPerKwh: z.number().nullable(),
    timezone: z.string(),
    rackCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Site" });
export type SiteOut = z.infer<typeof SiteOut>;

export const UpdateSiteInput = partialUpdate(CreateSiteInput.omit({ name: true }))
  .extend({
    tariffPerKwh: money.nullable().optional(),
    carbonGPerKwh: z.number().nonnegative().max(5000).nullable().optional(),
  })
  .meta({ id: "UpdateSiteInput" });
export type UpdateSiteInput = z.infer<typeof UpdateSiteInput>;

const heightU = z.number().int().min(1).max(60);

export const CreateRackInput = z
  .object({
    site: Name,
    name: Name,
    heightU: heightU.default(42),
    powerCapKw: z.number().positive().max(10_000).optional().meta({ description: "the rack's power budget, kW" }),
  })
  .meta({ id: "CreateRackInput" });
export type CreateRackInput = z.infer<typeof CreateRackInput>;

export const UpdateRackInput = z
  .object({ name: Name, heightU, powerCapKw: z.number().positive().max(10_000).nullable() })
  .partial()
  .meta({ id: "UpdateRackInput" });
export type UpdateRackInput = z.infer<typeof UpdateRackInput>;

export const ListRacksQuery = z.object({ site: Name.optional() });

export const RackOut = z
  .object({
    site: z.string(),
    name: z.string(),
    heightU: z.number().int(),
    powerCapKw: z.number().nullable(),
    serverCount: z.number().int(),
    usedU: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Rack" });
export type RackOut = z.infer<typeof RackOut>;

const optionalText = z.string().trim().min(1).max(200);

export const CreateServerInput = z
  .object({
    hostname: Name,
    rack: RackRef,
    positionU: z.number().int().min(1).max(60).meta({ description: "lowest U the server occupies (1 = bottom)" }),
    heightU: heightU.default(1),
    model: optionalText.optional(),
    serial: optionalText.optional(),
    status: ServerStatus.default("active"),
  })
  .meta({ id: "CreateServerInput" });
export type CreateServerInput = z.infer<typeof CreateServerInput>;

export const UpdateServerInput = z
  .object({
    hostname: Name,
    rack: RackRef,
    positionU: z.number().int().min(1).max(60),
    heightU,
    model: optionalText.nullable(),
    serial: optionalText.nullable(),
    status: ServerStatus,
  })
  .partial()
  .meta({ id: "UpdateServerInput" });
export type UpdateServerInput = z.infer<typeof UpdateServerInput>;

export const GpuUuid = z
  .string()
  .trim()
  .regex(/^GPU-[0-9a-fA-F-]{8,64}$/, "an NVIDIA GPU UUID such as GPU-927d7444-b45a-7c49-8402-5e686e46a026");

export const CreateGpuInput = z
  .object({
    uuid: GpuUuid,
    hostname: Name,
    index: z.number().int().min(0).max(63).meta({ description: "the GPU's index on its server (dcgm's `gpu` label)" }),
    model: z.string().trim().min(1).max(100),
    memoryMiB: z.number().int().positive().max(10_000_000),
    pciBusId: PciBusId.optional(),
  })
  .meta({ id: "CreateGpuInput" });
export type CreateGpuInput = z.infer<typeof CreateGpuInput>;

export const UpdateGpuInput = CreateGpuInput.omit({ uuid: true })
  .partial()
  .extend({ health: GpuHealth, healthReason: z.string().trim().min(1).max(500).nullable() })
  .partial()
  .meta({ id: "UpdateGpuInput" });
export type UpdateGpuInput = z.infer<typeof UpdateGpuInput>;

export const ListGpusQuery = PageQuery.extend({
  hostname: Name.optional(),
  health: GpuHealth.optional().meta({ description: "last known health (stale GPUs included: combine with `stale`)" }),
  model: z.string().min(1).max(100).optional(),
  stale: z.stringbool().optional().meta({
    description: "true: only GPUs with no sample within the stale threshold (or none ever); false: only reporting GPUs",
  }),
});
export type ListGpusQuery = z.infer<typeof ListGpusQuery>;

export const TelemetryState = z.enum(["reporting", "stale", "never"]).meta({
  id: "GpuTelemetryState",
  description: "reporting: a sample within the stale threshold; stale: none since; never: no sample ever",
});
export type TelemetryState = z.infer<typeof TelemetryState>;

export const GpuHealthSource = z.enum(["inventory", "seed", "operator", "telemetry"]).meta({
  id: "GpuHealthSource",
  description: "who set the current health: as registered, the demo seed, an operator, or telemetry",
});

export const HealthCauseOut = z
  .object({
    code: z.string().meta({
      description:
        "xid, row_remap_failure, uncorrectable_remapped_rows, temperature, power_cap_throttling; operator, seed or recorded",
    }),
    level: z.enum(["degraded", "failed"]),
    source: z.enum(["inventory", "seed", "operator", "telemetry", "unknown"]),
    text: z.string().meta({ description: "the cause in English (an operator's own words for operator causes)" }),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .meta({
        description:
          "the values of the cause's message (catalogue key states.health.<code>), for showing it in another language; absent for operator words and causes recorded before codes",
      }),
    evidence: z
      .object({ field: z.string(), value: z.number(), at: z.string() })
      .optional()
      .meta({ description: "the sample that showed it (telemetry causes)" }),
  })
  .meta({ id: "GpuHealthCause" });
export type HealthCauseOut = z.infer<typeof HealthCauseOut>;

export const HealthAckOut = z
  .object({ kind: z.enum(["acknowledged", "cleared"]), by: z.string(), at: z.string(), note: z.string() })
  .meta({
    id: "GpuHealthAck",
    description: "an operator's word on the current health; dropped when a new cause appears",
  });
export type HealthAckOut = z.infer<typeof HealthAckOut>;

/** Acknowledging or clearing a GPU's health: the note is required (it is the audit trail's why). */
export const GpuHealthNoteInput = z
  .strictObject({ note: z.string().trim().min(3, "say why, in a few words").max(500) })
  .meta({ id: "GpuHealthNoteInput" });
export type GpuHealthNoteInput = z.infer<typeof GpuHealthNoteInput>;

export const GpuOut = z
  .object({
    uuid: z.string(),
    hostname: z.string(),
    index: z.number().int(),
    model: z.string(),
    memoryMiB: z.number().int(),
    pciBusId: z.string().nullable(),
    health: GpuHealth.meta({ description: "last known health; see `stale` for whether telemetry still confirms it" }),
    healthReason: z.string().nullable().meta({ description: "every cause's text, joined with '; '" }),
    healthChangedAt: z.string().nullable(),
    healthSource: GpuHealthSource.nullable().meta({ description: "null: set before Rackmind recorded sources" }),
    healthCauses: z.array(HealthCauseOut),
    healthAck: HealthAckOut.nullable(),
    telemetry: TelemetryState,
    stale: z.boolean().meta({
      description: "no sample within the stale threshold (telemetry settings `staleAfterMinutes`), or none ever",
    }),
    lastSeenAt: z.string().nullable().meta({ description: "time of the GPU's newest sample of any field" }),
    utilPct: z.number().nullable().meta({ description: "latest telemetry; null until telemetry arrives" }),
    memUsedMiB: z.number().nullable(),
    tempC: z.number().nullable(),
    powerW: z.number().nullable(),
    xid: z.number().nullable(),
    readingsAt: z.string().nullable().meta({ description: "time of the newest of these readings" }),
  })
  .meta({ id: "Gpu" });
export type GpuOut = z.infer<typeof GpuOut>;
