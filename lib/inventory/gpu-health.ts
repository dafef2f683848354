import { db, DbNull, type Prisma, type Tx } from "../db";
import { recordAudit } from "../audit/events";
import { actorOf, type Principal } from "../auth/principal";
import { AppError } from "../errors";
import { readHealthAck, readHealthCauses } from "../telemetry/health/health-causes";
import { readHealthInputs } from "../telemetry/health/evaluate-health";
import { baselineOf, reasonOf, type GpuHealth, type HealthCause } from "../telemetry/health/health-rules";
import { telemetryStateOf, type TelemetryState } from "../telemetry/health/freshness";
import { getTelemetrySettings } from "../telemetry/settings";
import type { GpuHealthNoteInput, GpuOut } from "./schemas";

type HealthRow = { health: GpuHealth; healthSource: GpuOut["healthSource"]; healthCauses: unknown; healthAck: unknown };

export type GpuHealthView = Pick<
  GpuOut,
  "healthSource" | "healthCauses" | "healthAck" | "telemetry" | "stale" | "lastSeenAt"
>;

/** The health columns and telemetry freshness of a GPU as the API shows them. */
export function toGpuHealthView(
  row: HealthRow,
  lastSeen: Date | null,
  nowMs: number,
  staleAfterMinutes: number,
): GpuHealthView {
  const telemetry: TelemetryState = telemetryStateOf(lastSeen?.getTime() ?? null, nowMs, staleAfterMinutes);
  return {
    healthSource: row.healthSource,
    healthCauses: readHealthCauses(row.healthCauses),
    healthAck: readHealthAck(row.healthAck),
    telemetry,
    stale: telemetry !== "reporting",
    lastSeenAt: lastSeen?.toISOString() ?? null,
  };
}

/** Health set by hand (PATCH with `health`): one operator cause with the reason given. */
export function operatorHealthData(
  health: GpuHealth,
  reason: string | null | undefined,
  actor: Principal,
): Prisma.GpuUncheckedUpdateInput {
  const causes: HealthCause[] =
    health === "healthy"
      ? []
      : [{ code: "operator", level: health, source: "operator", text: reason ?? `set ${health} by ${actorOf(actor)}` }];
  return {
    health,
    healthReason: reasonOf(causes),
    healthCauses: causes as unknown as Prisma.InputJsonValue,
    healthSource: "operator",
    healthAck: DbNull,
  };
}

async function lockGpu(tx: Tx, uuid: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM "Gpu" WHERE uuid = ${uuid} FOR UPDATE`;
  if (!row) throw new AppError("not_found", `GPU ${uuid} does not exist`);
  return tx.gpu.findUniqueOrThrow({ where: { id: row.id } });
}

const ackOf = (kind: "acknowledged" | "cleared", note: string, actor: Principal, now: Date) => ({
  kind,
  by: actorOf(actor),
  at: now.toISOString(),
  note,
});

/**
 * An operator's acknowledgement of a degraded or failed GPU ("RMA opened"):
 * the health stays, the note is shown beside it until a new cause appears.
 * 409 on a healthy GPU (there is nothing to acknowledge).
 */
export async function acknowledgeGpuHealth(
  uuid: string,
  input: GpuHealthNoteInput,
  actor: Principal,
  now = new Date(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const gpu = await lockGpu(tx, uuid);
    if (gpu.health === "healthy")
      throw new AppError("conflict", `GPU ${uuid} is healthy: there is nothing to acknowledge`);
    const ack = ackOf("acknowledged", input.note, actor, now);
    await tx.gpu.update({ where: { id: gpu.id }, data: { healthAck: ack } });
    await recordAudit(tx, actor, {
      action: "gpu.health_acknowledge",
      target: `gpu:${uuid}`,
      details: { health: gpu.health, reason: gpu.healthReason, note: input.note },
    });
  });
}

/**
 * Returns a degraded or failed GPU to service: healthy, set by the operator,
 * with the note. The failure values telemetry reports now (dcgm keeps the last
 * XID until the driver is reset) are accepted, so they do not fail it again;
 * a new XID or more remapped rows do, and so does heat that persists. 409 on a
 * GPU that is already healthy.
 */
export async function clearGpuHealth(
  uuid: string,
  input: GpuHealthNoteInput,
  actor: Principal,
  now = new Date(),
): Promise<void> {
  const found = await db.gpu.findUnique({ where: { uuid }, select: { id: true } });
  if (!found) throw new AppError("not_found", `GPU ${uuid} does not exist`);
  // Read before the transaction, on the pool: on PGlite (one session) a query on
  // another connection inside the transaction would wait for it to end.
  const inputs = (await readHealthInputs([found.id], await getTelemetrySettings())).get(found.id) ?? null;
  const baseline = inputs ? baselineOf(inputs) : null;
  await db.$transaction(async (tx) => {
    const gpu = await lockGpu(tx, uuid);
    if (gpu.health === "healthy") throw new AppError("conflict", `GPU ${uuid} is already healthy`);
    await tx.gpu.update({
      where: { id: gpu.id },
      data: {
        health: "healthy",
        healthReason: null,
        healthCauses: [],
        healthSource: "operator",
        healthChangedAt: now,
        healthAck: ackOf("cleared", input.note, actor, now),
        healthBaseline: (baseline as Prisma.InputJsonValue | null) ?? DbNull,
      },
    });
    const previous = { from: gpu.health, reason: gpu.healthReason, causes: readHealthCauses(gpu.healthCauses) };
    const details = {
      ...previous,
      to: "healthy",
      note: input.note,
      accepted: baseline,
    } as unknown as Prisma.InputJsonValue;
    await recordAudit(tx, actor, { action: "gpu.health_clear", target: `gpu:${uuid}`, details });
  });
}
