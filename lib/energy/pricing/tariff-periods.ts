import { WEEKDAYS, type LocalTime } from "./local-time";
import type { TariffPeriod } from "../schemas";

/** "07:30" → 450; "24:00" → 1440. */
export function minutesOfHhMm(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}

function previousWeekday(day: LocalTime["weekday"]): LocalTime["weekday"] {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7]!;
}

/**
 * Whether a period covers a wall-clock time. A period whose `to` is earlier
 * than its `from` runs past midnight and belongs to the day it starts on:
 * {days: ["fri"], from: "22:00", to: "06:00"} covers Friday 22:00 to Saturday 06:00.
 */
export function periodCovers(period: TariffPeriod, t: LocalTime): boolean {
  const from = minutesOfHhMm(period.from);
  const to = minutesOfHhMm(period.to);
  const m = t.minuteOfDay;
  if (from < to) return period.days.includes(t.weekday) && m >= from && m < to;
  return (period.days.includes(t.weekday) && m >= from) || (period.days.includes(previousWeekday(t.weekday)) && m < to);
}

/** Price of a kWh at a wall-clock time: the first period that covers it, else the flat tariff, else unknown (null). */
export function tariffPriceAt(t: LocalTime, periods: TariffPeriod[], flatPricePerKwh: number | null): number | null {
  for (const p of periods) if (periodCovers(p, t)) return p.pricePerKwh;
  return flatPricePerKwh;
}
