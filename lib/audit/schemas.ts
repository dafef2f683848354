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

export const AuditChainReport = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().meta({ description: "events examined, in id order (up to and including a bad one)" }),
    firstBadId: z.string().nullable().meta({ description: "the first event that fails a check; null when intact" }),
    headId: z.string().nullable().meta({ description: "the last event that passed; null for an empty log" }),
    headHash: z
      .string()
      .nullable()
      .meta({ description: "its hash: note it elsewhere to detect later truncation or a rewritten chain" }),
    reason: z.string().optional().meta({ description: "what is wrong with the first bad event" }),
  })
  .meta({ id: "AuditChainReport" });
export type AuditChainReport = z.infer<typeof AuditChainReport>;
