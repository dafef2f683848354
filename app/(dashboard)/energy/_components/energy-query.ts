import { AlertsQuery, SummaryQuery } from "@/lib/energy/schemas";
import { completeInstant, flattenSearchParams, type SearchParams } from "@/lib/http/page-query";

// The Energy page's URL: ?site=ams1&range=24h|7d|30d, or a custom period with
// ?from=…&to=… (which wins over range), plus the alert thresholds
// ?rackCapPct=90&pueTarget=1.5. Every view is a link, so it can be shared.

const HOUR_MS = 3_600_000;

/** The API's defaults (rack above 90 % of cap, PUE above 1.5), left out of links. */
export const alertDefaults = AlertsQuery.parse({});

/** The preset periods (their titles are the catalogue's, energy.picker.last.<range>). */
export const energyRanges = {
  "24h": { ms: 24 * HOUR_MS },
  "7d": { ms: 7 * 24 * HOUR_MS },
  "30d": { ms: 30 * 24 * HOUR_MS },
} as const;

export type EnergyRange = keyof typeof energyRanges;
export const DEFAULT_RANGE: EnergyRange = "24h";

function isEnergyRange(value: string | undefined): value is EnergyRange {
  return value !== undefined && Object.hasOwn(energyRanges, value);
}

export type EnergyView = {
  site: string;
  /** "custom" when the URL gives from/to. */
  range: EnergyRange | "custom";
  fromMs: number;
  toMs: number;
  maxGapMinutes: number;
  rackCapPct: number;
  pueTarget: number;
};

/**
 * Why a URL names no view: codes the page words in the reader's language, and
 * for a query the API would refuse, the schema's own issues (the API's words).
 */
export type EnergyViewProblem =
  { code: "no_sites" } | { code: "unknown_site"; site: string } | { code: "invalid"; issues: string };

export type EnergyViewResult =
  | { ok: true; view: EnergyView; values: Record<string, string> }
  | { ok: false; site: string | null; problem: EnergyViewProblem; values: Record<string, string> };

const describeIssues = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message)).join("; ");

/**
 * The site /energy opens on without ?site=: the one the operator last picked
 * (if it still exists), else the one whose meters reported most recently,
 * else the first by name.
 */
export function chooseDefaultSite(
  sites: string[],
  remembered: string | null,
  latestMetered: string | null,
): string | null {
  if (remembered && sites.includes(remembered)) return remembered;
  if (latestMetered && sites.includes(latestMetered)) return latestMetered;
  return sites[0] ?? null;
}

/**
 * The period and thresholds a URL asks for, checked with the same schemas as
 * GET /api/v1/energy/summary and /alerts. The site defaults to `defaultSite`
 * (see chooseDefaultSite); a preset range ends at `now`.
 */
export function readEnergyView(
  raw: SearchParams,
  sites: string[],
  now: Date,
  defaultSite: string | null = sites[0] ?? null,
): EnergyViewResult {
  const values = flattenSearchParams(raw);
  const site = values.site ?? defaultSite;
  if (site === null) return { ok: false, site, problem: { code: "no_sites" }, values };
  if (!sites.includes(site)) return { ok: false, site: null, problem: { code: "unknown_site", site }, values };
  const isCustom = Boolean(values.from || values.to);
  const range = isEnergyRange(values.range) ? values.range : DEFAULT_RANGE;
  const toIso = isCustom ? completeInstant(values.to) : now.toISOString();
  const fromIso = isCustom
    ? completeInstant(values.from)
    : new Date(now.getTime() - energyRanges[range].ms).toISOString();
  const summary = SummaryQuery.safeParse({ site, from: fromIso, to: toIso });
  const alerts = AlertsQuery.safeParse({ rackCapPct: values.rackCapPct, pueTarget: values.pueTarget });
  if (!summary.success || !alerts.success) {
    return {
      ok: false,
      site,
      problem: {
        code: "invalid",
        issues: describeIssues([...(summary.error?.issues ?? []), ...(alerts.error?.issues ?? [])]),
      },
      values,
    };
  }
  const toMs = summary.data.to ? Date.parse(summary.data.to) : now.getTime();
  const fromMs = summary.data.from ? Date.parse(summary.data.from) : toMs - energyRanges["24h"].ms;
  return {
    ok: true,
    view: {
      site,
      range: isCustom ? "custom" : range,
      fromMs,
      toMs,
      maxGapMinutes: summary.data.maxGapMinutes,
      rackCapPct: alerts.data.rackCapPct,
      pueTarget: alerts.data.pueTarget,
    },
    values,
  };
}

/** The query string of a view, for links that keep the rest of the view (site, period, thresholds). */
export function viewParams(view: EnergyView): Record<string, string | undefined> {
  const period =
    view.range === "custom"
      ? { from: new Date(view.fromMs).toISOString(), to: new Date(view.toMs).toISOString() }
      : { range: view.range === DEFAULT_RANGE ? undefined : view.range };
  return {
    site: view.site,
    ...period,
    rackCapPct: view.rackCapPct === alertDefaults.rackCapPct ? undefined : String(view.rackCapPct),
    pueTarget: view.pueTarget === alertDefaults.pueTarget ? undefined : String(view.pueTarget),
  };
}
