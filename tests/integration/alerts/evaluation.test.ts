import { beforeAll, describe, expect, it } from "vitest";
import * as rulesRoute from "../../../app/api/v1/alert-rules/route";
import * as ruleRoute from "../../../app/api/v1/alert-rules/[name]/route";
import * as alertsRoute from "../../../app/api/v1/alerts/route";
import * as groupsRoute from "../../../app/api/v1/alerts/groups/route";
import * as silencesRoute from "../../../app/api/v1/silences/route";
import * as silenceRoute from "../../../app/api/v1/silences/[id]/route";
import { evaluateAlerts, releaseLease, takeLease } from "../../../lib/alerts/evaluator";
import { db } from "../../../lib/db";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import type { CodedText } from "../../../lib/i18n/coded-text";
import { buildFleet } from "../../support/job-fleet";
import { expectStateSays } from "../../support/states-catalogue";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

// Alert rules evaluated against real telemetry on a real database, through
// the worker's evaluator and the API: Prometheus's pending → firing →
// resolved with `for` and `keep_firing_for`, one evaluator across workers,
// grouping, inhibition and silences.

let tokens: Awaited<ReturnType<typeof tokensByRole>>;
let gpus: Map<string, string[]>;
// A timeline of our own: samples carry these times, evaluations are asked "now = T + s".
const T0 = Math.floor(Date.now() / 60_000) * 60_000;
const at = (s: number) => new Date(T0 + s * 1000);
const HOLDER = "test-worker";

const temp = (uuid: string, index: number, host: string, c: number) =>
  `DCGM_FI_DEV_GPU_TEMP{gpu="${index}",UUID="${uuid}",Hostname="${host}"} ${c}`;
async function report(lines: string[], s: number) {
  await ingestDcgm(`${lines.join("\n")}\n`, at(s));
}
const evaluate = (s: number) => evaluateAlerts({ holder: HOLDER, now: at(s), force: true });

async function alertsOf(rule: string, extra = "") {
  const res = await call(alertsRoute.GET, { token: tokens.viewer, path: `/api/v1/alerts?rule=${rule}${extra}` });
  expect(res.status).toBe(200);
  const items = res.body.items as {
    fingerprint: string;
    state: string;
    labels: Record<string, string>;
    annotations: { summary: string; link: string };
    summaryCode: CodedText | null;
    status: { silencedBy: string[]; inhibitedBy: { fingerprint: string; why: string } | null; muted: boolean };
    firedAt: string | null;
    resolvedAt: string | null;
  }[];
  // Every summary the built-in checks write says the same from the catalogue (English word for word, Chinese with its values).
  for (const a of items) {
    expect(a.summaryCode, a.annotations.summary).not.toBeNull();
    expectStateSays(a.summaryCode!, a.annotations.summary);
  }
  return items;
}

async function addRule(json: Record<string, unknown>) {
  const res = await call(rulesRoute.POST, { token: tokens.operator, json });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  tokens = await tokensByRole();
  gpus = await buildFleet(
    "ams",
    [
      {
        name: "r1",
        servers: [
          { hostname: "node-a", gpus: 2 },
          { hostname: "node-b", gpus: 2 },
        ],
      },
    ],
    { telemetry: "silent" },
  );
  // The shipped rules stay out of the way unless a test turns one on.
  await db.alertRule.updateMany({ data: { enabled: false } });
}, 60_000);

describe("alert rules, evaluated", () => {
  it("ships default rules, each a check operators can edit", async () => {
    const res = await call(rulesRoute.GET, { token: tokens.viewer });
    const names = (res.body.items as { name: string; builtin: boolean }[]).filter((r) => r.builtin).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(["GpuTemperatureHigh", "GpuXid", "GpuStale", "ServerSilent", "JobFailed"]),
    );
    expect(names).toEqual(expect.arrayContaining(["CanaryRolledBack", "DeploymentDrift", "DeploymentLatencyHigh"]));
  });

  it("is pending until `for` has passed, fires, keeps firing for keep_firing_for, then resolves", async () => {
    await addRule({
      name: "HotGpu",
      kind: "gpu_temperature",
      params: { thresholdC: 80 },
      forSeconds: 60,
      keepFiringForSeconds: 30,
      labels: { team: "infra" },
    });
    const [a0, a1] = gpus.get("node-a")!;
    await report([temp(a0!, 0, "node-a", 91), temp(a1!, 1, "node-a", 85)], 0);

    await evaluate(0);
    let alerts = await alertsOf("HotGpu");
    expect(alerts.map((a) => a.state)).toEqual(["pending", "pending"]);
    expect(alerts[0]!.labels).toMatchObject({
      alertname: "HotGpu",
      severity: "warning",
      team: "infra",
      hostname: "node-a",
    });

    // GPU 1 cools down while pending: dropped, never fired.
    await report([temp(a0!, 0, "node-a", 92), temp(a1!, 1, "node-a", 60)], 30);
    await evaluate(30);
    alerts = await alertsOf("HotGpu");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.state).toBe("pending");

    await report([temp(a0!, 0, "node-a", 93)], 60);
    await evaluate(61);
    alerts = await alertsOf("HotGpu");
    expect(alerts[0]).toMatchObject({ state: "firing", firedAt: at(61).toISOString() });
    expect(alerts[0]!.annotations.summary).toBe("node-a GPU 0 is at 93 °C (over 80 °C)");
    expect(alerts[0]!.annotations.link).toBe(`/gpus/${a0}`);

    // Cool again at 70 s: still firing at 80 s (keep_firing_for 30 s from the last hit at 61 s)…
    await report([temp(a0!, 0, "node-a", 50)], 70);
    await evaluate(80);
    expect((await alertsOf("HotGpu"))[0]!.state).toBe("firing");
    // …and resolved once 30 s have passed without a hit.
    await evaluate(95);
    alerts = await alertsOf("HotGpu");
    expect(alerts[0]).toMatchObject({ state: "resolved", resolvedAt: at(95).toISOString() });
    expect(await alertsOf("HotGpu", "&state=firing")).toHaveLength(0);
    await call(ruleRoute.PATCH, { token: tokens.operator, params: { name: "HotGpu" }, json: { enabled: false } });
  });

  it("lets one worker evaluate at a time, and never writes an alert twice", async () => {
    await addRule({ name: "AnyHeat", kind: "gpu_temperature", params: { thresholdC: 20 } });
    const [a0, a1] = gpus.get("node-a")!;
    await report([temp(a0!, 0, "node-a", 41), temp(a1!, 1, "node-a", 42)], 200);
    await releaseLease(HOLDER);

    const [one, two] = await Promise.all([
      evaluateAlerts({ holder: "worker-1", now: at(200), force: true }),
      evaluateAlerts({ holder: "worker-2", now: at(200), force: true }),
    ]);
    expect([one.evaluated, two.evaluated].sort()).toEqual([false, true]);
    expect(await takeLease("worker-3")).toBe(false);

    // The lease holder evaluating twice at once (a slow tick overlapping the next): the rule row's lock lets one write.
    const winner = one.evaluated ? "worker-1" : "worker-2";
    await db.alertRule.update({ where: { name: "AnyHeat" }, data: { lastEvalAt: null } });
    await Promise.all([
      evaluateAlerts({ holder: winner, now: at(215) }),
      evaluateAlerts({ holder: winner, now: at(215) }),
    ]);
    const rows = await db.alertInstance.findMany({ where: { rule: { name: "AnyHeat" } } });
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.fingerprint)).size).toBe(2);
    // And the table itself refuses a second unresolved alert for a label set.
    const { id: _id, ...copy } = rows[0]!;
    await expect(db.alertInstance.create({ data: { ...copy, labels: {}, annotations: {} } })).rejects.toThrow();

    // A stopped worker hands the lease over at once.
    await releaseLease(winner);
    expect(await takeLease("worker-3")).toBe(true);
    await releaseLease("worker-3");
    await call(ruleRoute.PATCH, { token: tokens.operator, params: { name: "AnyHeat" }, json: { enabled: false } });
    await evaluate(230);
    expect(await alertsOf("AnyHeat", "&state=firing")).toHaveLength(0);
  });

  it("groups alerts, and a silent server's alert inhibits its GPUs' stale alerts", async () => {
    const [a0, a1] = gpus.get("node-a")!;
    const [b0, b1] = gpus.get("node-b")!;
    await report([temp(b0!, 0, "node-b", 40), temp(b1!, 1, "node-b", 40)], 300);
    await report([temp(a0!, 0, "node-a", 40), temp(a1!, 1, "node-a", 40)], 900);
    for (const name of ["GpuStale", "ServerSilent"])
      expect(
        (
          await call(ruleRoute.PATCH, {
            token: tokens.operator,
            params: { name },
            json: { enabled: true, forSeconds: 0 },
          })
        ).status,
      ).toBe(200);
    await evaluate(900); // node-b silent for 10 min > 5 min stale threshold

    const server = await alertsOf("ServerSilent", "&state=firing");
    expect(server.map((a) => a.labels.hostname)).toEqual(["node-b"]);
    expect(server[0]!.annotations.summary).toBe("node-b: none of its 2 GPUs has sent telemetry for 10 min");
    const stale = await alertsOf("GpuStale", "&state=firing");
    expect(stale.map((a) => a.labels.gpu).sort()).toEqual([b0, b1].sort());
    for (const a of stale)
      expect(a.status).toMatchObject({
        muted: true,
        inhibitedBy: { fingerprint: server[0]!.fingerprint, why: "its server is silent" },
      });
    expect(await alertsOf("GpuStale", "&state=firing&muted=false")).toHaveLength(0);

    const groups = await call(groupsRoute.GET, { token: tokens.viewer, path: "/api/v1/alerts/groups?by=alertname" });
    expect(groups.status).toBe(200);
    expect((groups.body.items as { key: string; alerts: unknown[] }[]).map((g) => [g.key, g.alerts.length])).toEqual([
      ['{}:{alertname="GpuStale"}', 2],
      ['{}:{alertname="ServerSilent"}', 1],
    ]);

    // node-b reports again: everything resolves.
    await report([temp(b0!, 0, "node-b", 40), temp(b1!, 1, "node-b", 40)], 960);
    await evaluate(960);
    expect(await alertsOf("GpuStale", "&state=firing")).toHaveLength(0);
    expect(await alertsOf("ServerSilent", "&state=firing")).toHaveLength(0);
  });

  it("fires on an XID at once, naming it; an operator silences it, and its end while still firing is recorded", async () => {
    await call(ruleRoute.PATCH, { token: tokens.operator, params: { name: "GpuXid" }, json: { enabled: true } });
    const [a0] = gpus.get("node-a")!;
    await ingestDcgm(`DCGM_FI_DEV_XID_ERRORS{gpu="0",UUID="${a0}",Hostname="node-a"} 48\n`, at(1000));
    await evaluate(1000);
    const [xid] = await alertsOf("GpuXid", "&state=firing");
    expect(xid).toMatchObject({ labels: { xid: "48", severity: "critical", gpu: a0 } });
    expect(xid!.annotations.summary).toBe("XID 48 on node-a GPU 0: double-bit ECC error");

    const matchers = [
      { name: "alertname", value: "GpuXid" },
      { name: "hostname", value: "node-.", isRegex: true },
    ];
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    const denied = await call(silencesRoute.POST, { token: tokens.viewer, json: { matchers, endsAt, comment: "x" } });
    expect(denied.status).toBe(403);
    const created = await call(silencesRoute.POST, {
      token: tokens.operator,
      json: { matchers, endsAt, comment: "reseating the GPU" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ state: "active", createdBy: "token:test-operator" });

    const [muted] = await alertsOf("GpuXid", "&state=firing");
    expect(muted!.status).toMatchObject({ muted: true, silencedBy: [created.body.id] });
    expect(await alertsOf("GpuXid", "&state=firing&muted=false")).toHaveLength(0);

    const ended = await call(silenceRoute.DELETE, { token: tokens.operator, params: { id: created.body.id } });
    expect(ended.status).toBe(200);
    expect(ended.body.state).toBe("expired");
    await evaluate(1015);
    const silence = await call(silenceRoute.GET, { token: tokens.viewer, params: { id: created.body.id } });
    expect(silence.body.firingAtEnd).toEqual([xid!.fingerprint]);
    expect((await alertsOf("GpuXid", "&state=firing&muted=false")).map((a) => a.fingerprint)).toEqual([
      xid!.fingerprint,
    ]);
    const again = await call(silenceRoute.DELETE, { token: tokens.operator, params: { id: created.body.id } });
    expect(again.status).toBe(409);

    const audit = await db.auditEvent.findMany({
      where: { target: `silence:${created.body.id}` },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual(["silence.create", "silence.expire"]);
  });

  it("checks rules at the boundary, keeps shipped rules, and audits every change", async () => {
    const bad = await call(rulesRoute.POST, {
      token: tokens.operator,
      json: { name: "Bad", kind: "gpu_temperature", params: { thresholdC: "hot" } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("unprocessable_entity");
    const unknownKind = await call(rulesRoute.POST, {
      token: tokens.operator,
      json: { name: "Bad", kind: "moon_phase", params: {} },
    });
    expect(unknownKind.status).toBe(422);
    const viewer = await call(rulesRoute.POST, {
      token: tokens.viewer,
      json: { name: "Nope", kind: "job_failed", params: { withinMinutes: 5 } },
    });
    expect(viewer.status).toBe(403);
    const dup = await call(rulesRoute.POST, {
      token: tokens.operator,
      json: { name: "GpuXid", kind: "job_failed", params: { withinMinutes: 5 } },
    });
    expect(dup.status).toBe(409);

    const wrongParams = await call(ruleRoute.PATCH, {
      token: tokens.operator,
      params: { name: "GpuTemperatureHigh" },
      json: { params: { capPct: 90 } },
    });
    expect(wrongParams.status).toBe(422);
    expect(wrongParams.body.error.details[0].path).toMatch(/^params\./);
    const ok = await call(ruleRoute.PATCH, {
      token: tokens.operator,
      params: { name: "GpuTemperatureHigh" },
      json: { params: { thresholdC: 88 } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.params).toEqual({ thresholdC: 88 });

    expect((await call(ruleRoute.DELETE, { token: tokens.operator, params: { name: "GpuXid" } })).status).toBe(409);
    await addRule({ name: "Temporary", kind: "job_failed", params: { withinMinutes: 5 } });
    expect((await call(ruleRoute.DELETE, { token: tokens.operator, params: { name: "Temporary" } })).status).toBe(204);
    expect((await call(ruleRoute.GET, { token: tokens.viewer, params: { name: "Temporary" } })).status).toBe(404);

    const audit = await db.auditEvent.findMany({
      where: { target: { in: ["alert_rule:Temporary", "alert_rule:GpuTemperatureHigh"] } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => `${e.action} ${e.target}`)).toEqual([
      "alert_rule.update alert_rule:GpuTemperatureHigh",
      "alert_rule.create alert_rule:Temporary",
      "alert_rule.delete alert_rule:Temporary",
    ]);
    expect(audit[0]!.details).toMatchObject({
      before: { params: { thresholdC: 85 } },
      after: { params: { thresholdC: 88 } },
    });
  });
});
