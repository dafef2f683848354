import { z } from "zod";
import type { HealthBaseline, HealthCause } from "./health-rules";

// The GPU health columns stored as JSON (Gpu.healthCauses, healthAck,
// healthBaseline), read back through zod: a row written by an older version
// must still list, so a shape that does not parse reads as "nothing recorded"
// rather than failing a page.

const Cause = z.object({
  code: z.string(),
  level: z.enum(["degraded", "failed"]),
  source: z.enum(["inventory", "seed", "operator", "telemetry", "unknown"]).catch("unknown"),
  text: z.string(),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .catch(undefined),
  evidence: z.object({ field: z.string(), value: z.number(), at: z.string() }).optional().catch(undefined),
});

const Ack = z.object({ kind: z.enum(["acknowledged", "cleared"]), by: z.string(), at: z.string(), note: z.string() });
export type HealthAck = z.infer<typeof Ack>;

const Baseline = z.object({
  xid: z.number().nullable().optional(),
  uncorrectableRemappedRows: z.number().nullable().optional(),
  rowRemapFailure: z.number().nullable().optional(),
});

const Causes = z.array(Cause);

export function readHealthCauses(raw: unknown): HealthCause[] {
  const parsed = Causes.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

export function readHealthAck(raw: unknown): HealthAck | null {
  const parsed = Ack.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function readHealthBaseline(raw: unknown): HealthBaseline | null {
  const parsed = Baseline.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
