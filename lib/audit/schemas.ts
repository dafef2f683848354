import { z } from "zod";
import { PageQuery } from "../pagination";

export const AuditQuery = PageQuery.extend({
  actor: z
    .string()
    .min(1)
    .optional()
    .meta({ description: "`user:alice`, `token:ci`, `system`, or a bare name matching either" }),
  action: z.string().min(1).optional().meta({ description: "exact action, or a prefix ending in `.` such as `auth.`" }),
  target: z.string().min(1).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEventOut = z
  .object({
    at: z.string().meta({ description: "ISO-8601 UTC" }),
    actor: z.string(),
    action: z.string(),
    target: z.string(),
    details: z.unknown().nullable(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventOut = z.infer<typeof AuditEventOut>;
