import { UtcTime } from "@/components/ui/utc-time";
import type { SummaryOut } from "@/lib/energy/reports/summary-schemas";
import { formatDuration, formatKwh, formatReadingInterval } from "./energy-format";

const SHOWN = 8;
type Coarse = SummaryOut["coarse"][number];
type Reset = SummaryOut["resets"][number];

const edgeText = {
  start: "at the period's start",
  end: "at the period's end",
  both: "at both ends of the period",
} as const;

function CoarseItem({
  c,
  fromMs,
  toMs,
  readEveryMinutes,
}: {
  c: Coarse;
  fromMs: number;
  toMs: number;
  readEveryMinutes: number | null;
}) {
  const meter = <span className="font-mono font-medium text-sky-50">{c.meter}</span>;
  const cadence = readEveryMinutes === null ? "" : ` (read ${formatReadingInterval(readEveryMinutes)})`;
  const longest = formatDuration(c.intervalMinutes * 60_000);
  const span = (
    <>
      <UtcTime iso={c.from} /> → <UtcTime iso={c.to} />
    </>
  );
  if (c.cut) {
    const countedMs = Math.min(toMs, Date.parse(c.to)) - Math.max(fromMs, Date.parse(c.from));
    return (
      <li data-testid="meter-coarse-item" data-meter={c.meter} data-cut={c.cut}>
        {meter}
        {cadence}: its reading interval {span} is split evenly {edgeText[c.cut]} — {formatDuration(countedMs)} of its{" "}
        {formatDuration(Date.parse(c.to) - Date.parse(c.from))}, {formatKwh(c.kwhInPeriod)} of {formatKwh(c.kwh)},
        counted here.
      </li>
    );
  }
  return (
    <li data-testid="meter-coarse-item" data-meter={c.meter}>
      {meter}
      {cadence}:{" "}
      {c.intervals === 1 ? `readings ${longest} apart` : `${c.intervals} reading intervals of up to ${longest}`} from{" "}
      {span}, {formatKwh(c.kwh)}: counted in full, spread evenly within{" "}
      {c.intervals === 1 ? "the interval" : "each interval"} across hours, days, tariff periods and carbon hours.
    </li>
  );
}

function ResetItem({ r }: { r: Reset }) {
  return (
    <li data-testid="meter-reset" data-meter={r.meter}>
      <span className="font-mono font-medium text-amber-100">{r.meter}</span>&apos;s register fell between{" "}
      <UtcTime iso={r.from} /> and <UtcTime iso={r.to} /> (meter swap or rollover): {formatKwh(r.kwh)} counted, its new
      value from 0. What the old register counted after its last reading is not known, so this interval is a lower
      bound.
    </li>
  );
}

/**
 * How meter readings that are not plain quarter-hour differences were
 * counted: registers read hourly or daily (their energy counts in full, spread
 * evenly where it must be split, which the period's edges may do) and
 * registers that were reset. Silent when every meter is read finely.
 */
export function CoarseReadings({
  summary,
  maxGapMinutes,
  fromMs,
  toMs,
}: {
  summary: SummaryOut;
  maxGapMinutes: number;
  fromMs: number;
  toMs: number;
}) {
  const { coarse, resets } = summary;
  if (coarse.length === 0 && resets.length === 0) return null;
  const readEvery = new Map(summary.meters.map((m) => [m.meter, m.intervalMinutes]));
  const cut = coarse.filter((c) => c.cut);
  // The cut intervals first: they are the ones that make the period's totals an estimate.
  const shown = [...cut, ...coarse.filter((c) => !c.cut)].slice(0, SHOWN);
  return (
    <section
      aria-label="Coarse meter readings"
      data-testid="meter-coarse"
      className="mt-4 rounded-lg border border-sky-500/30 bg-sky-500/5 px-4 py-3 text-[12px] text-sky-100/90"
    >
      {coarse.length > 0 && (
        <>
          <h2 className="text-sm font-medium text-sky-100">
            {cut.length > 0
              ? `${cut.length} reading interval${cut.length === 1 ? "" : "s"} split at the period's edges`
              : `Meters read less often than every ${maxGapMinutes} min`}
          </h2>
          <p className="mt-0.5 text-xs text-sky-200/70">
            A register&apos;s difference between two readings is energy that was used, so it always counts. How it was
            drawn inside a longer interval is not known: it is taken as constant power where the interval must be split.
            {cut.length > 0
              ? " The totals are exact except for the split intervals' shares."
              : " The totals are exact."}
          </p>
          <ul className="mt-2 space-y-1">
            {shown.map((c) => (
              <CoarseItem
                key={`${c.meter}@${c.from}`}
                c={c}
                fromMs={fromMs}
                toMs={toMs}
                readEveryMinutes={readEvery.get(c.meter) ?? null}
              />
            ))}
          </ul>
          {coarse.length > SHOWN && (
            <p className="mt-1 text-xs text-sky-200/70">
              …and {coarse.length - SHOWN} more (GET /api/v1/energy/summary lists them all under coarse).
            </p>
          )}
        </>
      )}
      {resets.length > 0 && (
        <div className={coarse.length > 0 ? "mt-2 border-t border-sky-500/20 pt-2" : ""}>
          <h2 className="text-sm font-medium text-sky-100">
            {resets.length} register reset{resets.length === 1 ? "" : "s"} in this period
          </h2>
          <ul className="mt-1 space-y-1">
            {resets.slice(0, SHOWN).map((r) => (
              <ResetItem key={`${r.meter}@${r.from}`} r={r} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
