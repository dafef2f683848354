import { db } from "../../db";
import { recordAudit } from "../../audit/events";
import type { Principal } from "../../auth/principal";
import { itemIssue, rejectItems, type ItemIssue } from "../meters/item-issues";
import type { CarbonIntensityInput } from "../schemas";

/**
 * Stores hourly grid carbon intensity, all or nothing (422 per index, nothing
 * written). An hour uploaded again is replaced: grid operators revise their
 * figures. The same site and hour twice in one upload: the later item wins.
 */
export async function uploadCarbonIntensity(
  items: CarbonIntensityInput[],
  actor: Principal,
): Promise<{ accepted: number }> {
  return db.$transaction(
    async (tx) => {
      const names = [...new Set(items.map((i) => i.site))];
      const sites = new Map(
        (await tx.site.findMany({ where: { name: { in: names } }, select: { id: true, name: true } })).map((s) => [
          s.name,
          s.id,
        ]),
      );
      const issues: ItemIssue[] = [];
      items.forEach((item, i) => {
        if (!sites.has(item.site))
          issues.push(itemIssue(i, "site", `Site ${item.site} does not exist`, "unknown_site"));
      });
      if (issues.length) rejectItems(issues, "carbon intensity");
      const latest = new Map<string, { siteId: string; hour: Date; gCo2ePerKwh: number }>();
      for (const item of items) {
        const siteId = sites.get(item.site)!;
        const hour = new Date(item.hour);
        latest.set(`${siteId}@${hour.getTime()}`, { siteId, hour, gCo2ePerKwh: item.gCo2ePerKwh });
      }
      const rows = [...latest.values()];
      // Delete-then-insert replaces revised hours in a few statements instead of one upsert per hour;
      // chunks keep each statement under PostgreSQL's 65 535 bind parameters.
      for (let i = 0; i < rows.length; i += 10_000) {
        const chunk = rows.slice(i, i + 10_000);
        await tx.carbonIntensity.deleteMany({
          where: {
            OR: [...new Set(chunk.map((r) => r.siteId))].map((siteId) => ({
              siteId,
              hour: { in: chunk.filter((r) => r.siteId === siteId).map((r) => r.hour) },
            })),
          },
        });
      }
      await tx.carbonIntensity.createMany({ data: rows });
      const target = names.length === 1 ? `site:${names[0]}` : `sites:${[...names].sort().join(",")}`;
      await recordAudit(tx, actor, {
        action: "energy.carbon_intensity_upload",
        target,
        details: { items: items.length, hours: rows.length },
      });
      return { accepted: items.length };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
