/** Days of the week as tariff schedules name them. */
export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Wall-clock time at a site: its local date, weekday and minute of the day (0–1439). */
export type LocalTime = { date: string; weekday: Weekday; minuteOfDay: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Not for display: en-US fixes the shape of the parts read back below (numeric, 24 h).
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, ms (Intl knows every DST rule). */
function offsetFromIntl(utcMs: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(utcMs)) p[part.type] = Number(part.value);
  const wallAsUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wallAsUtc - Math.floor(utcMs / 1000) * 1000;
}

// Offset per zone and UTC day, or null on a day the offset changes. Asking
// Intl costs ~10 µs; a year of quarter hours would ask it 35 000 times, this
// asks twice a day. No zone changes its offset twice within 24 hours, so equal
// offsets at both ends of a day mean one offset all day.
const dayOffsets = new Map<string, number | null>();
const DAY_MS = 86_400_000;

export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const day = Math.floor(utcMs / DAY_MS);
  const key = `${timeZone}@${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    if (dayOffsets.size > 200_000) dayOffsets.clear();
    const first = offsetFromIntl(day * DAY_MS, timeZone);
    offset = first === offsetFromIntl((day + 1) * DAY_MS - 1000, timeZone) ? first : null;
    dayOffsets.set(key, offset);
  }
  return offset ?? offsetFromIntl(utcMs, timeZone);
}

/** The wall-clock time in `timeZone` (IANA) at a UTC instant. */
export function localTimeOf(utcMs: number, timeZone: string): LocalTime {
  const wall = new Date(utcMs + zoneOffsetMs(utcMs, timeZone));
  return {
    date: wall.toISOString().slice(0, 10),
    weekday: WEEKDAYS[wall.getUTCDay()]!,
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** `localTimeOf` with a memo, for code that asks about the same instants (bucket starts) again and again. */
export function localCalendar(timeZone: string): (utcMs: number) => LocalTime {
  const memo = new Map<number, LocalTime>();
  return (utcMs) => {
    let t = memo.get(utcMs);
    if (!t) memo.set(utcMs, (t = localTimeOf(utcMs, timeZone)));
    return t;
  };
}

/**
 * The local dates that [fromMs, toMs) touches, each with the part of the range
 * inside it. Local midnights fall on UTC quarter hours (see pricing.ts), so
 * stepping by quarter hours finds every one of them, DST days included.
 */
export function localDays(
  fromMs: number,
  toMs: number,
  localAt: (utcMs: number) => LocalTime,
): { date: string; fromMs: number; toMs: number }[] {
  const QUARTER_HOUR_MS = 15 * 60_000;
  const days: { date: string; fromMs: number; toMs: number }[] = [];
  let current = { date: localAt(fromMs).date, fromMs, toMs };
  for (let q = Math.ceil(fromMs / QUARTER_HOUR_MS) * QUARTER_HOUR_MS; q < toMs; q += QUARTER_HOUR_MS) {
    const date = localAt(q).date;
    if (date === current.date) continue;
    days.push({ ...current, toMs: q });
    current = { date, fromMs: q, toMs };
  }
  days.push(current);
  return days;
}
