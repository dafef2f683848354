import { z } from "zod";
import { PageQuery } from "../pagination";

/** `kind:key`, as every audit target is written (`server:gpu-node-07`, `model:fraud/3`). */
export const ObjectRef = z
  .string()
  .regex(/^[^:\s]+:\S/, "Expected an object as kind:key, e.g. model:fraud or server:gpu-node-07");

export const AuditFormat = z.enum(["json", "csv", "ndjson"]);
export type AuditFormat = z.infer<typeof AuditFormat>;

export const AuditQuery = PageQuery.extend({
  actor: z
    .string()
    .min(1)
    .optional()
    .meta({ description: "`user:alice`, `token:ci`, `system`, or a bare name matching either" }),
  action: z.string().min(1).optional().meta({ description: "exact action, or a prefix ending in `.` such as `auth.`" }),
  target: z.string().min(1).optional().meta({ description: "exact target, e.g. `server:gpu-node-07`" }),
  object: ObjectRef.optional().meta({
    description:
      "an object's whole history: the target itself and every target beneath it, so `model:fraud` matches `model:fraud` and `model:fraud/3` but not `model:fraud2`",
  }),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  format: AuditFormat.default("json").meta({
    description:
      "`csv` (header row) or `ndjson` (one event per line): every matching event, newest first, streamed; `limit` does not apply, `cursor` starts after that event",
  }),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEventOut = z
  .object({
    id: z
      .string()
      .meta({ description: "the event's position in the hash chain (ids rise in commit order, with gaps)" }),
    at: z.string().meta({ description: "ISO-8601 UTC" }),
    actor: z.string(),
    action: z.string(),
    target: z.string(),
    details: z.unknown().nullable(),
    hash: z.string().meta({ description: "hex sha256 over the event and prevHash (README: Audit)" }),
    prevHash: z.string().nullable().meta({ description: "the previous event's hash; null for the first" }),
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
