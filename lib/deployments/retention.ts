import { db } from "../db";
import { getConfig } from "../config";

/** Per-minute serving figures are kept this long (the deployment page's history). */
const SERVING_MINUTES_DAYS = 90;

/**
 * Drops prediction log rows and feedback older than RACKMIND_PREDICTION_LOG_DAYS,
 * and per-minute serving figures older than 90 days.
 */
export async function pruneServingData(
  now = new Date(),
): Promise<{ records: number; feedback: number; minutes: number }> {
  const days = getConfig().RACKMIND_PREDICTION_LOG_DAYS;
  const logCutoff = new Date(now.getTime() - days * 86_400_000);
  const minuteCutoff = new Date(now.getTime() - SERVING_MINUTES_DAYS * 86_400_000);
  const [records, feedback, minutes] = await Promise.all([
    db.predictionRecord.deleteMany({ where: { at: { lt: logCutoff } } }),
    db.predictionFeedback.deleteMany({ where: { receivedAt: { lt: logCutoff } } }),
    db.servingMinute.deleteMany({ where: { minute: { lt: minuteCutoff } } }),
  ]);
  return { records: records.count, feedback: feedback.count, minutes: minutes.count };
}
