import { describe, expect, it } from "vitest";
import {
  formatAge,
  formatFixed,
  formatGiB,
  formatInterval,
  formatKw,
  formatKwh,
  formatMiB,
  formatMonthDay,
  formatNumber,
  formatPct,
  formatShare,
  formatSilence,
  formatTempC,
  formatWatts,
} from "../../../lib/format";

const now = Date.parse("2026-12-06T12:00:00Z");
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe("numbers and units", () => {
  it("keep each unit's precision, in English as before", () => {
    expect(formatNumber(12_345.678, "en")).toBe("12,346");
    expect(formatNumber(12.5, "en", 3)).toBe("12.5");
    expect(formatFixed(1.4, 2, "en")).toBe("1.40");
    expect(formatTempC(71.6, "en")).toBe("72 °C");
    expect(formatWatts(612.4, "en")).toBe("612 W");
    expect(formatWatts(12_400, "en")).toBe("12.4 kW");
    expect(formatKw(1_250, "en")).toBe("1,250 kW");
    expect(formatKwh(3.14159, "en")).toBe("3.1 kWh");
    expect(formatPct(87.4, "en")).toBe("87 %");
    expect(formatShare(0.1234, "en")).toBe("12.3%");
    expect(formatMiB(81_559, "en")).toBe("81,559 MiB");
    expect(formatGiB(81_559, "en")).toBe("79.6 GiB");
  });

  it("format the same figures for zh-CN with the same symbols", () => {
    expect(formatNumber(12_345.678, "zh-CN")).toBe("12,346");
    expect(formatWatts(12_400, "zh-CN")).toBe("12.4 kW");
    expect(formatTempC(71.6, "zh-CN")).toBe("72 °C");
  });
});

describe("durations, relative times and dates", () => {
  it("say how long ago in the reader's language", () => {
    expect(formatAge(ago(10), now, "en")).toBe("just now");
    expect(formatAge(ago(50), now, "en")).toBe("1 min ago");
    expect(formatAge(ago(4 * 60), now, "en")).toBe("4 min ago");
    expect(formatAge(ago(3 * 3600), now, "en")).toBe("3 h ago");
    expect(formatAge(ago(2 * 86_400), now, "en")).toBe("2 d ago");
    expect(formatAge(ago(10), now, "zh-CN")).toBe("刚刚");
    expect(formatAge(ago(4 * 60), now, "zh-CN")).toBe("4 分钟前");
    expect(formatAge(ago(3 * 3600), now, "zh-CN")).toBe("3 小时前");
    expect(formatSilence(ago(3 * 3600), now, "zh-CN")).toBe("3 小时");
  });

  it("write intervals exactly, in the largest unit that divides them", () => {
    expect(formatInterval(30, "en")).toBe("30 s");
    expect(formatInterval(90, "en")).toBe("90 s");
    expect(formatInterval(300, "en")).toBe("5 min");
    expect(formatInterval(7200, "en")).toBe("2 h");
    expect(formatInterval(300, "zh-CN")).toBe("5 分钟");
  });

  it("name a UTC day by month and day", () => {
    expect(formatMonthDay("2026-03-04", "en")).toBe("Mar 4");
    expect(formatMonthDay("2026-03-04", "zh-CN")).toBe("3月4日");
  });
});
