import { describe, expect, it } from "vitest";
import { chooseDefaultSite, readEnergyView } from "../../../app/(dashboard)/energy/_components/energy-query";
import { energySiteCookie, readEnergySiteCookie } from "../../../app/(dashboard)/energy/_components/energy-site-cookie";

const sites = ["ams1", "fra2", "pdx1"];

describe("the site the Energy page opens on", () => {
  it("is the operator's last pick, else the site with the latest meter readings, else the first by name", () => {
    expect(chooseDefaultSite(sites, "pdx1", "fra2")).toBe("pdx1");
    expect(chooseDefaultSite(sites, null, "fra2")).toBe("fra2");
    expect(chooseDefaultSite(sites, null, null)).toBe("ams1");
    expect(chooseDefaultSite([], null, null)).toBeNull();
  });

  it("ignores a remembered or metered site that no longer exists", () => {
    expect(chooseDefaultSite(sites, "gone", null)).toBe("ams1");
    expect(chooseDefaultSite(sites, "gone", "also-gone")).toBe("ams1");
  });

  it("lets ?site= win over the default", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    expect(readEnergyView({}, sites, now, "fra2")).toMatchObject({ ok: true, view: { site: "fra2" } });
    expect(readEnergyView({ site: "pdx1" }, sites, now, "fra2")).toMatchObject({ ok: true, view: { site: "pdx1" } });
  });

  it("round-trips the remembered site through its cookie", () => {
    const cookie = energySiteCookie("fra-2.b");
    expect(cookie).toMatch(/^rackmind\.energy-site=fra-2\.b; Path=\/; Max-Age=\d+; SameSite=Lax$/);
    expect(readEnergySiteCookie(cookie.split(";")[0]!.split("=")[1])).toBe("fra-2.b");
    expect(readEnergySiteCookie("%E0%A4%A")).toBeNull();
    expect(readEnergySiteCookie(undefined)).toBeNull();
  });
});
