import { describe, expect, it } from "vitest";
import {
  accuracyReading,
  coverageReading,
  driftReading,
  energyReading,
  errorRateReading,
  formatMs,
  formatPValue,
  formatSeconds,
  formatShare,
  latencyReading,
  psiBandWords,
  trafficSplit,
} from "../../../app/(dashboard)/deployments/_components/deployment-format";
import { english } from "./english-words";

const w = { t: english("format"), locale: "en" as const };

const noLabels = {
  labelled: 0,
  correct: 0,
  accuracy: null,
  coverage: null,
  medianJoinDelaySeconds: null,
  unmatched: 0,
};

describe("deployment figures in words", () => {
  it("says why a latency or error rate is missing instead of showing 0", () => {
    expect(latencyReading(null, w)).toEqual({ text: "no requests in this window", isKnown: false });
    expect(latencyReading(12.34, w).text).toBe("12.3 ms");
    expect(formatMs(0.4213, "en")).toBe("0.42 ms");
    expect(errorRateReading(null, w).isKnown).toBe(false);
    expect(errorRateReading(0, w).text).toBe("0.00 %");
    // One failure in 200 requests must not round away.
    expect(errorRateReading(1 / 200, w).text).toBe("0.50 %");
  });

  it("splits traffic between stable and canary in shares that add up", () => {
    expect(trafficSplit({ stable: { version: 3 }, canary: null }, w)).toBe("v3 100 %");
    expect(trafficSplit({ stable: { version: 3 }, canary: { version: 4, weight: 0.1 } }, w)).toBe(
      "v3 90 % · v4 10 % (canary)",
    );
    expect(formatShare(0.125, "en")).toBe("12.5 %");
    expect(formatShare(0.1 + 0.2, "en")).toBe("30 %");
  });

  it("names each PSI band with its limits and writes tiny p-values as a bound", () => {
    expect(psiBandWords("stable", w)).toBe("stable (PSI < 0.1)");
    expect(psiBandWords("moderate", w)).toBe("moderate (PSI 0.1–0.25)");
    expect(psiBandWords("drifted", w)).toBe("drifted (PSI > 0.25)");
    expect(formatPValue(0.0000123, "en")).toBe("< 0.001");
    expect(formatPValue(0.04567, "en")).toBe("0.046");
  });

  it("flags drift in words, and says why it is not known", () => {
    expect(driftReading({ unknown: null, isDrifting: true, driftingFeatures: 2, features: 2 }, w)).toMatchObject({
      text: "drifting: 2 of 2 features drifted",
      word: "drifting",
      detail: "2 of 2 features drifted",
      isKnown: true,
      isDrifting: true,
    });
    expect(driftReading({ unknown: null, isDrifting: false, driftingFeatures: 0, features: 1 }, w).text).toBe(
      "no overall drift: 0 of 1 feature drifted",
    );
    const unknown = driftReading(
      {
        unknown: "No predictions were logged in this window.",
        isDrifting: false,
        driftingFeatures: 0,
        features: 0,
      },
      w,
    );
    expect(unknown).toMatchObject({ isKnown: false, isDrifting: false });
    expect(unknown.text).toBe("not known: no predictions were logged in this window.");
  });

  it("gives live accuracy with its basis, or the reason it is unknown", () => {
    expect(accuracyReading(noLabels, 0, w).text).toBe("not known: no requests in this window");
    expect(accuracyReading(noLabels, 12, w).text).toMatch(/^not known: no feedback labels yet/);
    expect(accuracyReading({ ...noLabels, unmatched: 2 }, 12, w).text).toBe(
      "not known yet: 2 labels wait for their predictions to be logged",
    );
    const known = { labelled: 4, correct: 3, accuracy: 0.75, coverage: 0.5, medianJoinDelaySeconds: 12, unmatched: 0 };
    expect(accuracyReading(known, 8, w)).toEqual({ text: "75.0 % (3 of 4 labelled right)", isKnown: true });
    expect(coverageReading(known, w)).toBe(
      "50 % of logged predictions labelled; labels arrive a median 12 s after the prediction",
    );
    expect(coverageReading(noLabels, w)).toMatch(/^coverage not known/);
    expect(formatSeconds(150, w)).toBe("2.5 min");
    expect(formatSeconds(7200, w)).toBe("2.0 h");
  });

  it("never reads unknown energy as 0", () => {
    const basis = "Not known: the deployment is placed on no server (PATCH servers).";
    // The reason is lib/'s own English, shown as it comes (marked as stored text on the page).
    expect(energyReading({ kwh: null, basis }, w)).toEqual({ text: basis, isKnown: false, isStored: true });
    expect(energyReading({ kwh: 0.01234, basis: "…" }, w).text).toBe("0.0123 kWh per 1,000 predictions");
    expect(energyReading({ kwh: 2.5, basis: "…" }, w).text).toBe("2.50 kWh per 1,000 predictions");
  });
});
