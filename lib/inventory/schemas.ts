import { z } from "zod";
import { PageQuery } from "../http/pagination";

export const ServerStatus = z.enum(["active", "maintenance", "retired"]).meta({ id: "ServerStatus" });
export const GpuHealth = z.enum(["healthy", "degraded", "failed"]).meta({ id: "GpuHealth" });

export const ListServersQuery = PageQuery.extend({
  status: ServerStatus.optional(),
  rack: z.string().min(1).optional().meta({ description: "rack name" }),
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

export const CreateSiteInput = z
  .object({
    name: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, dash and underscore only"),
    tariffPerKwh: money.optional().meta({ description: "price of one kWh in `currency`" }),
    currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR").default("USD"),
    carbonGPerKwh: z.number().nonnegative().max(5000).optional().meta({ description: "grid carbon intensity, gCO2e/kWh" }),
    timezone: z
      .string()
      .refine(isTimeZone, "an IANA time zone such as Europe/Amsterdam")
      .transform(canonicalTimeZoneCase)
      .default("UTC"),
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
