import { describe, expect, it } from "vitest";
import { groupAlerts } from "../../../lib/alerts/grouping";
import { inhibitions } from "../../../lib/alerts/inhibition";
import { fingerprintOf, formatMatchers, matches } from "../../../lib/alerts/labels";

const m = (name: string, value: string, isRegex = false, isEqual = true) => ({ name, value, isRegex, isEqual });

describe("fingerprints", () => {
  it("ignore label order and tell label sets apart", () => {
    expect(fingerprintOf({ a: "1", b: "2" })).toBe(fingerprintOf({ b: "2", a: "1" }));
    expect(fingerprintOf({ a: "1", b: "2" })).not.toBe(fingerprintOf({ a: "1", b: "3" }));
    // No ambiguity from joining: {a: "1b", ...} is not {a: "1", b...}.
    expect(fingerprintOf({ a: "x=1" })).not.toBe(fingerprintOf({ "a=x": "1" }));
    expect(fingerprintOf({ a: "1" })).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("matchers (Alertmanager's)", () => {
  const labels = { alertname: "GpuXid", hostname: "gpu-node-07", xid: "48" };
  it("match equal, not-equal, anchored regex and negated regex", () => {
    expect(matches(m("hostname", "gpu-node-07"), labels)).toBe(true);
    expect(matches(m("hostname", "gpu-node-07", false, false), labels)).toBe(false);
    expect(matches(m("hostname", "gpu-node-0.", true), labels)).toBe(true);
    expect(matches(m("hostname", "node", true), labels)).toBe(false); // anchored: no partial match
    expect(matches(m("xid", "4[0-9]", true, false), labels)).toBe(false);
    expect(matches(m("site", ""), labels)).toBe(true); // a missing label reads as ""
  });
  it("are written as Alertmanager writes them", () => {
    expect(formatMatchers([m("a", "1"), m("b", "x.*", true, false)])).toBe('a="1", b!~"x.*"');
  });
});

describe("inhibition", () => {
  const alert = (fp: string, labels: Record<string, string>, state = "firing") => ({ fingerprint: fp, labels, state });
  it("a silent server mutes its GPUs' alerts, not other servers'", () => {
    const out = inhibitions([
      alert("srv", { alertname: "ServerSilent", hostname: "b", severity: "critical" }),
      alert("g1", { alertname: "GpuStale", hostname: "b", gpu: "G1", severity: "warning" }),
      alert("g2", { alertname: "GpuStale", hostname: "a", gpu: "G2", severity: "warning" }),
    ]);
    expect(out.get("g1")).toEqual({ by: "srv", why: "its server is silent" });
    expect(out.has("g2")).toBe(false);
    expect(out.has("srv")).toBe(false);
  });
  it("only firing alerts inhibit; a critical GPU alert mutes that GPU's warnings only", () => {
    const out = inhibitions([
      alert("x", { alertname: "GpuXid", gpu: "G1", severity: "critical" }),
      alert("t1", { alertname: "GpuTemperatureHigh", gpu: "G1", severity: "warning" }),
      alert("t2", { alertname: "GpuTemperatureHigh", gpu: "G2", severity: "warning" }),
      alert("p", { alertname: "ServerSilent", hostname: "z", severity: "critical" }, "pending"),
      alert("s", { alertname: "GpuStale", hostname: "z", gpu: "G9", severity: "warning" }),
    ]);
    expect([...out.keys()]).toEqual(["t1"]);
  });
});

describe("grouping", () => {
  it("groups by label values with Alertmanager's group key", () => {
    const a = (alertname: string, site: string) => ({ labels: { alertname, site } });
    const groups = groupAlerts(
      [a("GpuXid", "ams"), a("GpuXid", "fra"), a("GpuXid", "ams"), a("JobFailed", "ams")],
      ["alertname"],
    );
    expect(groups.map((g) => [g.key, g.alerts.length])).toEqual([
      ['{}:{alertname="GpuXid"}', 3],
      ['{}:{alertname="JobFailed"}', 1],
    ]);
    expect(groupAlerts([a("GpuXid", "ams"), a("GpuXid", "fra")], ["site", "alertname"])).toHaveLength(2);
  });
});
