import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { MeterOut } from "@/lib/energy/schemas";
import type { SummaryOut } from "@/lib/energy/reports/summary-schemas";
import { formatKwh, formatReadingInterval } from "./energy-format";
import { formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

const dash = <span className="text-slate-600">—</span>;

function lastValue(m: MeterOut): string {
  if (m.lastValue === null) return "";
  return m.kind === "register"
    ? `${formatNumber(m.lastValue, untranslatedLocale, 1)} kWh register`
    : `${formatNumber(m.lastValue, untranslatedLocale)} W`;
}

/** The site's meters: what each measured in the period, how often it is read, and when it last reported (with its last value). */
export function MetersTable({
  meters,
  inPeriod,
  nowMs,
}: {
  meters: MeterOut[];
  inPeriod: SummaryOut["meters"];
  nowMs: number;
}) {
  const kwhOf = new Map(inPeriod.map((m) => [m.meter, m.kwh]));
  const intervalOf = new Map(inPeriod.map((m) => [m.meter, m.intervalMinutes]));
  return (
    <Table label="Meters">
      <THead>
        <Th>Meter</Th>
        <Th>Scope</Th>
        <Th isNumeric>In period</Th>
        <Th>Last reading</Th>
      </THead>
      <TBody>
        {meters.length === 0 && <EmptyRow colSpan={4}>No meter has reported at this site.</EmptyRow>}
        {meters.map((m) => {
          const kwh = kwhOf.get(m.meter);
          const interval = intervalOf.get(m.meter);
          return (
            <Tr key={m.meter} testId="meter-row">
              <Td isMono className="font-medium">
                {m.meter}
                <span className="block font-sans text-[11px] font-normal text-slate-500">
                  {m.kind === "register" ? "kWh register" : "power (W)"} ·{" "}
                  {formatNumber(m.readings, untranslatedLocale)} readings
                  {interval ? ` · read ${formatReadingInterval(interval)}` : ""}
                </span>
              </Td>
              <Td>
                <Badge tone={m.scope === "facility" ? "warn" : "info"}>
                  {m.scope === "facility" ? "facility" : "IT"}
                </Badge>
              </Td>
              <Td isNumeric isMono>
                {kwh === undefined ? dash : formatKwh(kwh)}
              </Td>
              <Td isMuted>
                <Age iso={m.lastAt} nowMs={nowMs} />
                {m.lastValue !== null && (
                  <span className="block font-mono text-[11px] text-slate-500">{lastValue(m)}</span>
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
