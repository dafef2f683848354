import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button, TextInput } from "@/components/ui/form-controls";
import type { EnergyFindingOut } from "@/lib/energy/schemas";
import { formatCapPct, formatKw, formatPue } from "./energy-format";
import { type EnergyView, viewParams } from "./energy-query";
import { formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

function FindingItem({ finding }: { finding: EnergyFindingOut }) {
  if (finding.kind === "rack_power_over_cap") {
    return (
      <li className="flex items-start gap-3 py-2.5" data-testid="energy-finding" data-kind={finding.kind}>
        <span className="mt-px w-12 shrink-0">
          <Badge tone="bad" hasDot>
            rack
          </Badge>
        </span>
        <p className="text-[13px] text-slate-300">
          <Link
            href={`/racks/${encodeURIComponent(finding.site)}/${encodeURIComponent(finding.rack)}`}
            className="font-mono text-emerald-300 hover:underline"
          >
            {finding.rack}
          </Link>{" "}
          draws <span className="font-mono text-slate-100">{formatKw(finding.powerW)}</span>,{" "}
          <span className="font-mono font-semibold text-rose-300">{formatCapPct(finding.capUsedPct)}</span> of its{" "}
          {formatNumber(finding.capW / 1000, untranslatedLocale, 3)} kW cap (alert above {finding.thresholdPct} %).
        </p>
      </li>
    );
  }
  return (
    <li className="flex items-start gap-3 py-2.5" data-testid="energy-finding" data-kind={finding.kind}>
      <span className="mt-px w-12 shrink-0">
        <Badge tone="warn" hasDot>
          PUE
        </Badge>
      </span>
      <p className="text-[13px] text-slate-300">
        PUE over this period is <span className="font-mono font-semibold text-amber-300">{formatPue(finding.pue)}</span>
        , above the target of <span className="font-mono text-slate-100">{formatPue(finding.target)}</span>: cooling and
        power distribution take {Math.round((finding.pue - 1) * 100)} % on top of the IT load.
      </p>
    </li>
  );
}

/** The thresholds as a GET form, so a stricter view is a link too. */
function ThresholdsForm({ view }: { view: EnergyView }) {
  const keep = { ...viewParams(view), rackCapPct: undefined, pueTarget: undefined };
  return (
    <form
      method="get"
      action="/energy"
      aria-label="Alert thresholds"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 border-t border-slate-800 px-4 py-3 text-xs text-slate-400"
    >
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <label htmlFor="energy-rack-cap-pct" className="flex items-center gap-1.5">
        Rack above
        <span className="w-16">
          <TextInput
            id="energy-rack-cap-pct"
            name="rackCapPct"
            type="number"
            min={1}
            max={1000}
            step="any"
            defaultValue={view.rackCapPct}
            className="text-right font-mono"
          />
        </span>
        % of cap
      </label>
      <label htmlFor="energy-pue-target" className="flex items-center gap-1.5">
        PUE above
        <span className="w-16">
          <TextInput
            id="energy-pue-target"
            name="pueTarget"
            type="number"
            min={1}
            max={10}
            step="0.01"
            defaultValue={view.pueTarget}
            className="text-right font-mono"
          />
        </span>
      </label>
      <Button type="submit">Apply</Button>
    </form>
  );
}

/**
 * The energy alert hook points for this site: racks over a share of their cap
 * now, and PUE above target over the period. Findings only; sending them is
 * the alerts issue's job (GET /api/v1/energy/alerts serves the same rules).
 */
export function EnergyFindings({
  findings,
  view,
  pue,
}: {
  findings: EnergyFindingOut[];
  view: EnergyView;
  pue: number | null;
}) {
  return (
    <>
      <div className="px-4">
        {findings.length === 0 ? (
          <p className="py-4 text-[13px] text-slate-400" data-testid="energy-no-findings">
            <span className="font-medium text-emerald-300">No findings.</span> No rack draws more than {view.rackCapPct}{" "}
            % of its cap
            {pue === null
              ? "; PUE is not known for this period (the PUE card says why), so it is not checked."
              : `, and PUE ${formatPue(pue)} is within the target of ${formatPue(view.pueTarget)}.`}
          </p>
        ) : (
          <ul className="divide-y divide-slate-800/70">
            {findings.map((f) => (
              <FindingItem key={f.kind === "rack_power_over_cap" ? `rack:${f.rack}` : "pue"} finding={f} />
            ))}
          </ul>
        )}
      </div>
      <ThresholdsForm view={view} />
    </>
  );
}
