import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as receiversRoute from "../../../app/api/v1/receivers/route";
import * as receiverRoute from "../../../app/api/v1/receivers/[name]/route";
import * as deliveriesRoute from "../../../app/api/v1/receivers/[name]/deliveries/route";
import * as testRoute from "../../../app/api/v1/receivers/[name]/test/route";
import * as rulesRoute from "../../../app/api/v1/alert-rules/route";
import { evaluateAlerts } from "../../../lib/alerts/evaluator";
import { deliverNotifications } from "../../../lib/alerts/notify/delivery";
import { dispatchNotifications } from "../../../lib/alerts/notify/dispatcher";
import { NOT_ENDED, type WebhookPayload } from "../../../lib/alerts/notify/payload";
import { verifySignature } from "../../../lib/alerts/notify/signature";
import { db } from "../../../lib/db";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { buildFleet } from "../../support/job-fleet";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

// Notifications to real webhook receivers on loopback: Alertmanager's v4
// payload, HMAC-signed, grouped with group_wait/group_interval, bounded
// retries with backoff, a per-webhook timeout, and the fallback receiver.

type Received = { path: string; headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
let server: Server;
let base: string;
let tokens: Awaited<ReturnType<typeof tokensByRole>>;
let gpus: Map<string, string[]>;
const T0 = Math.floor(Date.now() / 60_000) * 60_000;
const at = (s: number) => new Date(T0 + s * 1000);

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body });
      if (req.url === "/hang") return; // never answers
      res.statusCode = req.url === "/fail" ? 500 : req.url === "/bad" ? 400 : 200;
      res.end(req.url === "/fail" ? "database password is hunter2" : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tokens = await tokensByRole();
  gpus = await buildFleet("ams", [{ name: "r1", servers: [{ hostname: "node-a", gpus: 2 }] }], {
    telemetry: "silent",
  });
  await db.alertRule.updateMany({ data: { enabled: false } });
  const rule = await call(rulesRoute.POST, {
    token: tokens.operator,
    json: { name: "Hot", kind: "gpu_temperature", params: { thresholdC: 80 } },
  });
  expect(rule.status).toBe(201);
}, 60_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const temps = async (s: number, c0: number, c1: number) => {
  const [g0, g1] = gpus.get("node-a")!;
  await ingestDcgm(
    `DCGM_FI_DEV_GPU_TEMP{gpu="0",UUID="${g0}",Hostname="node-a"} ${c0}\nDCGM_FI_DEV_GPU_TEMP{gpu="1",UUID="${g1}",Hostname="node-a"} ${c1}\n`,
    at(s),
  );
  await evaluateAlerts({ holder: "t", now: at(s), force: true });
};

async function addReceiver(json: Record<string, unknown>) {
  const res = await call(receiversRoute.POST, { token: tokens.admin, json });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { name: string; secret: string };
}
const onPath = (path: string) => received.filter((r) => r.path === path);
const payloadOf = (r: Received) => JSON.parse(r.body) as WebhookPayload;

describe("alert notifications", () => {
  it("sends a grouped, signed Alertmanager v4 payload after group_wait, then the change after group_interval", async () => {
    const denied = await call(receiversRoute.POST, {
      token: tokens.operator,
      json: { name: "x", url: `${base}/ok` },
    });
    expect(denied.status).toBe(403);
    const notHttp = await call(receiversRoute.POST, {
      token: tokens.admin,
      json: { name: "x", url: "file:///etc/passwd" },
    });
    expect(notHttp.status).toBe(422);

    const oncall = await addReceiver({
      name: "oncall",
      url: `${base}/ok`,
      groupWaitSeconds: 10,
      groupIntervalSeconds: 60,
      repeatIntervalSeconds: 3600,
    });
    expect(oncall.secret.length).toBeGreaterThanOrEqual(32);
    const shown = await call(receiverRoute.GET, { token: tokens.viewer, params: { name: "oncall" } });
    expect(shown.body.secret).toBeUndefined();
    // A webhook URL is often its own credential: whole for admins, scheme and host for everyone else.
    expect(shown.body.url).toBe(`${new URL(base).origin}/…`);
    const listed = await call(receiversRoute.GET, { token: tokens.operator });
    expect(listed.body.items.map((r: { url: string }) => r.url)).toEqual([`${new URL(base).origin}/…`]);
    expect((await call(receiverRoute.GET, { token: tokens.admin, params: { name: "oncall" } })).body.url).toBe(
      `${base}/ok`,
    );

    await temps(0, 91, 92);
    expect(await dispatchNotifications(at(0))).toEqual({ queued: 0 }); // group_wait
    expect(await dispatchNotifications(at(10))).toEqual({ queued: 1 });
    expect(await deliverNotifications(at(10))).toEqual({ sent: 1, retrying: 0, failed: 0 });

    const [first] = onPath("/ok");
    const h = first!.headers;
    expect(h["content-type"]).toBe("application/json");
    expect(h["idempotency-key"]).toMatch(/^[0-9a-f]{64}$/);
    expect(
      verifySignature(oncall.secret, String(h["x-rackmind-timestamp"]), first!.body, String(h["x-rackmind-signature"])),
    ).toBe(true);
    expect(
      verifySignature(
        "another-secret-entirely",
        String(h["x-rackmind-timestamp"]),
        first!.body,
        String(h["x-rackmind-signature"]),
      ),
    ).toBe(false);
    const p = payloadOf(first!);
    expect(p).toMatchObject({
      version: "4",
      status: "firing",
      receiver: "oncall",
      groupKey: '{}:{alertname="Hot"}',
      groupLabels: { alertname: "Hot" },
      truncatedAlerts: 0,
      commonLabels: { alertname: "Hot", severity: "warning", hostname: "node-a", site: "ams", rack: "r1" },
      externalURL: "http://localhost:3000",
    });
    expect(p.alerts).toHaveLength(2);
    for (const a of p.alerts) {
      expect(a).toMatchObject({ status: "firing", endsAt: NOT_ENDED, startsAt: at(0).toISOString() });
      expect(a.generatorURL).toMatch(/^http:\/\/localhost:3000\/gpus\/GPU-/);
      expect(a.annotations.summary).toMatch(/^node-a GPU [01] is at 9[12] °C/);
    }

    // Nothing new: nothing sent (repeat_interval is an hour).
    expect(await dispatchNotifications(at(20))).toEqual({ queued: 0 });
    // GPU 1 cools: resolved now, told after group_interval (60 s after the last flush at 10 s).
    await temps(30, 91, 50);
    expect(await dispatchNotifications(at(40))).toEqual({ queued: 0 });
    expect(await dispatchNotifications(at(70))).toEqual({ queued: 1 });
    await deliverNotifications(at(70));
    const second = payloadOf(onPath("/ok")[1]!);
    expect(second.status).toBe("firing");
    expect(second.alerts.map((a) => a.status)).toEqual(["firing", "resolved"]);
    expect(second.alerts[1]!.endsAt).toBe(at(30).toISOString());

    const log = await call(deliveriesRoute.GET, { token: tokens.viewer, params: { name: "oncall" } });
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(2);
    expect(log.body.items[0]).toMatchObject({ status: "delivered", attempts: 1, alerts: 2 });
    expect(log.body.items[0].deliveries[0]).toMatchObject({ ok: true, httpStatus: 200, attempt: 1 });

    // Two dispatchers at the same instant (never under the lease, but): one notification.
    await temps(80, 91, 95);
    const both = await Promise.all([dispatchNotifications(at(130)), dispatchNotifications(at(130))]);
    expect(both[0].queued + both[1].queued).toBe(1);
    await deliverNotifications(at(130));
    expect(onPath("/ok")).toHaveLength(3);
    await call(receiverRoute.PATCH, { token: tokens.admin, params: { name: "oncall" }, json: { enabled: false } });
  });

  it("retries a failing receiver a bounded number of times with backoff, then the fallback receiver gets it", async () => {
    await addReceiver({ name: "flaky", url: `${base}/fail`, groupWaitSeconds: 0, maxAttempts: 3 });
    await addReceiver({ name: "fallback", url: `${base}/fallback`, isFallback: true });
    expect(await dispatchNotifications(at(200))).toEqual({ queued: 1 });

    expect(await deliverNotifications(at(200))).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await deliverNotifications(at(201))).toEqual({ sent: 0, retrying: 0, failed: 0 }); // backoff ≥ 2 s
    expect(await deliverNotifications(at(203))).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await deliverNotifications(at(205))).toEqual({ sent: 0, retrying: 0, failed: 0 }); // ≥ 4 s now
    expect(await deliverNotifications(at(208))).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await deliverNotifications(at(300))).toEqual({ sent: 1, retrying: 0, failed: 0 }); // the fallback
    expect(onPath("/fail")).toHaveLength(3);
    const fb = onPath("/fallback");
    expect(fb).toHaveLength(1);
    expect(payloadOf(fb[0]!)).toMatchObject({
      receiver: "fallback",
      status: "firing",
      groupKey: '{}:{alertname="Hot"}',
    });
    expect(payloadOf(fb[0]!).alerts).toHaveLength(2);

    const log = await call(deliveriesRoute.GET, { token: tokens.viewer, params: { name: "flaky" } });
    const [n] = log.body.items;
    expect(n).toMatchObject({ status: "failed", attempts: 3, lastError: "answered 500" });
    expect(n.deliveries.map((d: { httpStatus: number }) => d.httpStatus)).toEqual([500, 500, 500]);
    // The receiver's answer body is never stored or echoed.
    expect(JSON.stringify(log.body)).not.toContain("hunter2");
    await call(receiverRoute.PATCH, { token: tokens.admin, params: { name: "flaky" }, json: { enabled: false } });
  });

  it("gives up on a receiver that does not answer within its timeout, and does not retry a 4xx refusal", async () => {
    await addReceiver({ name: "slow", url: `${base}/hang`, groupWaitSeconds: 0, timeoutMs: 300, maxAttempts: 1 });
    await addReceiver({ name: "picky", url: `${base}/bad`, groupWaitSeconds: 0, maxAttempts: 5 });
    expect(await dispatchNotifications(at(400))).toEqual({ queued: 2 });
    const t0 = Date.now();
    expect(await deliverNotifications(at(400))).toEqual({ sent: 0, retrying: 0, failed: 2 });
    expect(Date.now() - t0).toBeLessThan(5_000);
    // Both go to the fallback receiver.
    expect(await deliverNotifications(at(401))).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const slow = (await call(deliveriesRoute.GET, { token: tokens.viewer, params: { name: "slow" } })).body.items[0];
    expect(slow).toMatchObject({ status: "failed", attempts: 1, lastError: "no answer within 300 ms" });
    expect(slow.deliveries[0].httpStatus).toBeNull();
    const picky = (await call(deliveriesRoute.GET, { token: tokens.viewer, params: { name: "picky" } })).body.items[0];
    expect(picky).toMatchObject({ status: "failed", attempts: 1, lastError: "answered 400" });
  });

  it("sends a test notification on request, audited", async () => {
    const res = await call(testRoute.POST, { token: tokens.admin, params: { name: "fallback" } });
    expect(res.status).toBe(202);
    await deliverNotifications(new Date(Date.now() + 1000));
    const last = onPath("/fallback").at(-1)!;
    expect(payloadOf(last).alerts[0]!.labels.alertname).toBe("RackmindTest");
    const audit = await db.auditEvent.findMany({
      where: { target: { startsWith: "receiver:" } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["receiver.create", "receiver.update", "receiver.test"]),
    );
    expect(JSON.stringify(audit.map((e) => e.details))).not.toMatch(/"secret":"(?!\(changed\))/);
  });

  it("writes a receiver's notifications in its language: summaries and test notifications in Chinese", async () => {
    const bad = await call(receiversRoute.POST, {
      token: tokens.admin,
      json: { name: "zh-bad", url: `${base}/zh`, locale: "fr" },
    });
    expect(bad.status).toBe(422);
    await addReceiver({ name: "zh-oncall", url: `${base}/zh`, locale: "zh-CN", groupWaitSeconds: 0 });
    const shown = await call(receiverRoute.GET, { token: tokens.admin, params: { name: "zh-oncall" } });
    expect(shown.body.locale).toBe("zh-CN");

    await temps(5000, 95, 50);
    await dispatchNotifications(at(5001));
    await deliverNotifications(at(5001));
    const [zh] = onPath("/zh");
    expect(zh, "the Chinese receiver was notified").toBeDefined();
    const summaries = payloadOf(zh!).alerts.map((a) => a.annotations.summary);
    expect(summaries).toContain("node-a 的 GPU 0 温度为 95 °C（超过 80 °C）");

    expect((await call(testRoute.POST, { token: tokens.admin, params: { name: "zh-oncall" } })).status).toBe(202);
    await deliverNotifications(new Date(Date.now() + 1000));
    expect(payloadOf(onPath("/zh").at(-1)!).alerts[0]!.annotations.summary).toBe("测试通知，由 token:test-admin 发送");
  });
});
