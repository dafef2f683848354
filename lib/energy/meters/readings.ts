import { db, type Tx } from "../../db";
import { recordAudit } from "../../audit/events";
import type { Principal } from "../../auth/principal";
import type { EnergyMeterKind, EnergyScope } from "../../generated/prisma/enums";
import { itemIssue, rejectItems, type ItemIssue } from "./item-issues";
import type { EnergyReadingInput, ReadingsResultOut } from "../schemas";

// Readings stamped this far ahead of the receiver's clock are refused: a meter
// gateway with a wrong clock would otherwise write energy into the future.
const MAX_FUTURE_MS = 5 * 60_000;

type MeterKey = string;
type WantedMeter = {
  siteId: string;
  site: string;
  name: string;
  scope: EnergyScope;
  kind: EnergyMeterKind;
  index: number;
};

const keyOf = (site: string, meter: string): MeterKey => `${site}\u0000${meter}`;
const kindOf = (r: EnergyReadingInput): EnergyMeterKind => (r.kwhTotal !== undefined ? "register" : "power");

/**
 * The meters a batch names, with the scope and kind each is given first. A
 * meter given another scope or kind later in the same batch is an issue.
 */
function wantedMeters(
  items: EnergyReadingInput[],
  siteIds: Map<string, string>,
  issues: ItemIssue[],
): Map<MeterKey, WantedMeter> {
  const wanted = new Map<MeterKey, WantedMeter>();
  items.forEach((r, index) => {
    const siteId = siteIds.get(r.site);
    if (!siteId) {
      issues.push(itemIssue(index, "site", `Site ${r.site} does not exist`, "unknown_site"));
      return;
    }
    const first = wanted.get(keyOf(r.site, r.meter));
    if (!first)
      wanted.set(keyOf(r.site, r.meter), {
        siteId,
        site: r.site,
        name: r.meter,
        scope: r.scope,
        kind: kindOf(r),
        index,
      });
    else issues.push(...mismatches(index, first, r.scope, kindOf(r), `item ${first.index} of this batch`));
  });
  return wanted;
}

function mismatches(
  index: number,
  meter: { name: string; scope: EnergyScope; kind: EnergyMeterKind },
  scope: EnergyScope,
  kind: EnergyMeterKind,
  where: string,
): ItemIssue[] {
  const out: ItemIssue[] = [];
  if (meter.scope !== scope)
    out.push(
      itemIssue(
        index,
        "scope",
        `Meter ${meter.name} is a ${meter.scope} meter (${where}), not ${scope}`,
        "scope_mismatch",
      ),
    );
  if (meter.kind !== kind) {
    const says = meter.kind === "register" ? "a kWh register (kwhTotal)" : "a power meter (watts)";
    out.push(
      itemIssue(
        index,
        kind === "register" ? "kwhTotal" : "watts",
        `Meter ${meter.name} is ${says} (${where})`,
        "kind_mismatch",
      ),
    );
  }
  return out;
}

/** Creates the meters that do not exist yet and returns every meter of the batch, with its id. */
async function ensureMeters(tx: Tx, wanted: Map<MeterKey, WantedMeter>) {
  const rows = [...wanted.values()];
  const { count } = await tx.energyMeter.createMany({
    data: rows.map((m) => ({ siteId: m.siteId, name: m.name, scope: m.scope, kind: m.kind })),
    skipDuplicates: true,
  });
  const meters = await tx.energyMeter.findMany({
    where: { OR: rows.map((m) => ({ siteId: m.siteId, name: m.name })) },
  });
  const bySiteAndName = new Map(meters.map((m) => [`${m.siteId}\u0000${m.name}`, m]));
  const out = new Map<MeterKey, (typeof meters)[number]>();
  for (const [key, m] of wanted) out.set(key, bySiteAndName.get(`${m.siteId}\u0000${m.name}`)!);
  return { created: count, meters: out };
}

/**
 * Stores meter readings, all or nothing: any bad item is a 422 listing every
 * bad item by index, and nothing — not even a new meter — is written. The same
 * meter and time twice stores once (retries are safe); the first value wins.
 */
export async function ingestEnergyReadings(
  items: EnergyReadingInput[],
  actor: Principal,
  now = new Date(),
): Promise<ReadingsResultOut> {
  const issues: ItemIssue[] = [];
  items.forEach((r, i) => {
    if (Date.parse(r.at) > now.getTime() + MAX_FUTURE_MS)
      issues.push(itemIssue(i, "at", `${r.at} is in the future`, "in_future"));
  });
  return db.$transaction(
    async (tx) => {
      const sites = await tx.site.findMany({
        where: { name: { in: [...new Set(items.map((r) => r.site))] } },
        select: { id: true, name: true },
      });
      const wanted = wantedMeters(items, new Map(sites.map((s) => [s.name, s.id])), issues);
      if (issues.length) rejectItems(issues, "readings");
      const { created, meters } = await ensureMeters(tx, wanted);
      items.forEach((r, index) => {
        const m = meters.get(keyOf(r.site, r.meter))!;
        issues.push(...mismatches(index, m, r.scope, kindOf(r), "as stored"));
      });
      if (issues.length) rejectItems(issues, "readings");
      const { count: stored } = await tx.energyReading.createMany({
        data: items.map((r) => ({
          meterId: meters.get(keyOf(r.site, r.meter))!.id,
          at: new Date(r.at),
          kwhTotal: r.kwhTotal ?? null,
          watts: r.watts ?? null,
        })),
        skipDuplicates: true,
      });
      const result = { accepted: items.length, stored, duplicates: items.length - stored, metersCreated: created };
      await recordAudit(tx, actor, {
        action: "energy.readings_ingest",
        target: auditTarget(sites.map((s) => s.name)),
        details: { ...result, ...timeSpan(items) },
      });
      return result;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

function auditTarget(siteNames: string[]): string {
  return siteNames.length === 1 ? `site:${siteNames[0]}` : `sites:${[...siteNames].sort().join(",")}`;
}

function timeSpan(items: EnergyReadingInput[]): { from: string; to: string } {
  // A loop, not Math.min(...times): a 50 000-item spread can overflow the call stack.
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (const r of items) {
    const t = Date.parse(r.at);
    fromMs = Math.min(fromMs, t);
    toMs = Math.max(toMs, t);
  }
  return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
}
