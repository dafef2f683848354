/**
 * Delayed feedback: the true labels of answered predictions, sent later by
 * whoever learns them. Written before the answer (nothing acknowledged is
 * lost), joined to the prediction log by request id when accuracy is read —
 * so feedback may arrive before the serving process has flushed its log.
 * Sending a label again for the same instance corrects it.
 */
import { db } from "../db";
import { actorOf, type Principal } from "../auth/principal";
import { AppError } from "../errors";
import type { Signature } from "../models/schemas";
import { getDeploymentRowOrThrow } from "./deployments";
import type { FeedbackInput } from "./schemas";

export type FeedbackOut = { requestId: string; accepted: number; matched: boolean };

export async function recordFeedback(name: string, input: FeedbackInput, actor: Principal): Promise<FeedbackOut> {
  const d = await getDeploymentRowOrThrow(name);
  const labels = input.labels ?? [input.label!];
  const record = await db.predictionRecord.findUnique({ where: { requestId: input.requestId } });
  if (record) {
    if (record.deploymentId !== d.id)
      throw new AppError("unprocessable_entity", `Request ${input.requestId} was answered by another deployment`);
    if (labels.length !== record.labels.length)
      throw new AppError(
        "unprocessable_entity",
        `Request ${input.requestId} had ${record.labels.length} instance${record.labels.length === 1 ? "" : "s"}; send as many labels`,
      );
    const version = await db.modelVersion.findUniqueOrThrow({
      where: { id: record.versionId },
      select: { signature: true },
    });
    const known = (version.signature as Signature).labels;
    const unknown = labels.filter((l): l is string => l !== null && !known.includes(l));
    if (unknown.length)
      throw new AppError(
        "unprocessable_entity",
        `Unknown label ${unknown.join(", ")}; this model answers ${known.join(", ")}`,
      );
  }
  const rows = labels.flatMap((label, index) => (label === null ? [] : [{ index, label }]));
  await db.$transaction(
    rows.map(({ index, label }) =>
      db.predictionFeedback.upsert({
        where: { requestId_index: { requestId: input.requestId, index } },
        create: { requestId: input.requestId, index, deploymentId: d.id, label, sentBy: actorOf(actor) },
        update: { label, receivedAt: new Date(), sentBy: actorOf(actor) },
      }),
    ),
  );
  return { requestId: input.requestId, accepted: rows.length, matched: record !== null };
}
