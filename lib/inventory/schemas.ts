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
