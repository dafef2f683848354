import { describe, expect, it } from "vitest";
import { CreateSiteInput } from "../../../lib/inventory/schemas";

function issuesFor(input: unknown) {
  const result = CreateSiteInput.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("CreateSiteInput", () => {
  it("defaults currency to USD and timezone to UTC, and leaves the optional numbers out", () => {
    expect(CreateSiteInput.parse({ name: "ams1" })).toEqual({ name: "ams1", currency: "USD", timezone: "UTC" });
  });

  it("keeps every field it is given", () => {
    const input = {
      name: "pdx1",
      tariffPerKwh: 0.072,
      currency: "USD",
      carbonGPerKwh: 180,
      timezone: "America/Los_Angeles",
    };
    expect(CreateSiteInput.parse(input)).toEqual(input);
  });

  describe("timezone", () => {
    it.each(["UTC", "Europe/Amsterdam", "America/Los_Angeles", "Asia/Kolkata"])(
      "accepts the IANA zone %s",
      (timezone) => {
        expect(CreateSiteInput.parse({ name: "s", timezone }).timezone).toBe(timezone);
      },
    );

    it.each(["Mars/Olympus_Mons", "Europe/Atlantis", "", "not a zone"])(
      "refuses %j, asking for an IANA zone",
      (timezone) => {
        expect(issuesFor({ name: "s", timezone })).toEqual([
          { path: "timezone", message: "an IANA time zone such as Europe/Amsterdam" },
        ]);
      },
    );

    it("refuses a timezone that is not a string", () => {
      expect(issuesFor({ name: "s", timezone: 1 })[0]?.path).toBe("timezone");
    });
  });

  describe("currency", () => {
    it.each(["EUR", "GBP", "JPY"])("accepts the three-letter code %s", (currency) => {
      expect(CreateSiteInput.parse({ name: "s", currency }).currency).toBe(currency);
    });

    it.each(["eur", "EURO", "EU", "€", "E1R"])("refuses %j, asking for an ISO 4217 code", (currency) => {
      expect(issuesFor({ name: "s", currency })).toEqual([
        { path: "currency", message: "an ISO 4217 code such as EUR" },
      ]);
    });
  });

  describe("name", () => {
    it("trims surrounding spaces", () => {
      expect(CreateSiteInput.parse({ name: "  ams1  " }).name).toBe("ams1");
    });

    it.each(["", "   ", "ams 1", "ams/1", "a".repeat(65)])("refuses %j", (name) => {
      expect(issuesFor({ name })[0]?.path).toBe("name");
    });

    it("accepts letters, digits, dot, dash and underscore up to 64 characters", () => {
      expect(CreateSiteInput.parse({ name: "Ams-1_eu.west" }).name).toBe("Ams-1_eu.west");
      expect(CreateSiteInput.parse({ name: "a".repeat(64) }).name).toHaveLength(64);
    });

    it("is required", () => {
      expect(issuesFor({})[0]?.path).toBe("name");
    });
  });

  describe("tariff and carbon intensity", () => {
    it("accept zero", () => {
      expect(CreateSiteInput.parse({ name: "s", tariffPerKwh: 0, carbonGPerKwh: 0 })).toMatchObject({
        tariffPerKwh: 0,
        carbonGPerKwh: 0,
      });
    });

    it.each([
      ["tariffPerKwh", -0.01],
      ["tariffPerKwh", 1e6 + 1],
      ["carbonGPerKwh", -1],
      ["carbonGPerKwh", 5001],
      ["tariffPerKwh", "0.21"],
    ])("refuse %s = %j", (field, value) => {
      expect(issuesFor({ name: "s", [field]: value })[0]?.path).toBe(field);
    });
  });
});

describe("CreateSiteInput timezone spelling", () => {
  it("stores the canonical IANA spelling of a time zone typed in another case", () => {
    expect(CreateSiteInput.parse({ name: "ams2", timezone: "europe/amsterdam" }).timezone).toBe("Europe/Amsterdam");
  });
});
