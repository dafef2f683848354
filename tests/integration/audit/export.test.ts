import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "../../../app/api/v1/audit/route";
import { recordAudit } from "../../../lib/audit/events";
import { EXPORT_PAGE_SIZE } from "../../../lib/audit/export";
import { systemPrincipal } from "../../../lib/auth/principal";
import { db } from "../../../lib/db";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let viewer: string;
const targets = [
  "model:fraud",
  "model:fraud/3",
  "model:fraud2",
  "model:fraud2/1",
  "model:fraud/12",
  "model:fr_ud/1",
  "server:gpu-1",
];

beforeAll(async () => {
  viewer = (await tokensByRole()).viewer;
  for (const target of targets) {
    await db.$transaction((tx) =>
      recordAudit(tx, systemPrincipal, { action: "model.test", target, details: { note: `about ${target}` } }),
    );
  }
});

const get = (query: string) => call(audit.GET, { token: viewer, path: `/api/v1/audit?${query}` });
const targetsOf = (items: { target: string }[]) => items.map((e) => e.target);

describe("GET /api/v1/audit?object=", () => {
  it("lists the object and everything beneath it, newest first, but not another object that shares its prefix", async () => {
    const res = await get("object=model:fraud");
    expect(res.status).toBe(200);
    expect(targetsOf(res.body.items)).toEqual(["model:fraud/12", "model:fraud/3", "model:fraud"]);
    expect(targetsOf((await get("object=model:fraud/3")).body.items)).toEqual(["model:fraud/3"]);
    expect(targetsOf((await get("object=model:fraud2")).body.items)).toEqual(["model:fraud2/1", "model:fraud2"]);
  });

  it("treats the object literally: LIKE wildcards in it match only themselves", async () => {
    expect(targetsOf((await get("object=model:fr_ud")).body.items)).toEqual(["model:fr_ud/1"]);
    expect((await get("object=model:%25")).body.items).toEqual([]);
  });

  it("combines with the other filters, and refuses an object that is not kind:key", async () => {
    expect((await get("object=model:fraud&actor=user:nobody")).body.items).toEqual([]);
    expect(targetsOf((await get("object=model:fraud&target=model:fraud/3")).body.items)).toEqual(["model:fraud/3"]);
    const bad = await get("object=fraud");
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("unprocessable_entity");
  });
});

describe("GET /api/v1/audit?format=csv|ndjson", () => {
  it("exports CSV with a header row and the filters applied, as a download", async () => {
    const res = await get("object=model:fraud&format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="rackmind-audit-.*\.csv"$/);
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(["id", "at", "actor", "action", "target", "details", "hash", "prevHash"]);
    expect(rows.map((r) => r.target)).toEqual(["model:fraud/12", "model:fraud/3", "model:fraud"]);
    expect(JSON.parse(rows[0]!.details!)).toEqual({ note: "about model:fraud/12" });
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("exports NDJSON, one event object per line, the same as the JSON list's items", async () => {
    const res = await get("action=model.test&format=ndjson");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-ndjson");
    const lines = (res.body as string).trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l))).toEqual((await get("action=model.test")).body.items);
  });

  it("answers an export with no matches with the CSV header alone, or an empty NDJSON body", async () => {
    expect((await get("actor=user:nobody&format=csv")).body).toBe("id,at,actor,action,target,details,hash,prevHash\n");
    expect((await get("actor=user:nobody&format=ndjson")).body).toBe("");
  });

  it("neutralises cells a spreadsheet would run as a formula", async () => {
    await db.$transaction((tx) =>
      recordAudit(
        tx,
        { kind: "user", id: "x", name: "=evil", role: "viewer" },
        {
          action: "test.formula",
          target: '=HYPERLINK("http://evil.example","click")',
          details: ["-2+3"],
        },
      ),
    );
    const [row] = parse((await get("action=test.formula&format=csv")).body, { columns: true }) as Record<
      string,
      string
    >[];
    expect(row!.actor).toBe("user:=evil"); // starts with a letter: left alone
    expect(row!.target).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row!.details).toBe('["-2+3"]');
  });

  it("streams every matching event past the page size, newest first, ignoring limit; cursor starts below that event", async () => {
    const n = EXPORT_PAGE_SIZE * 2 + 500;
    await db.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" (actor, action, target, details)
       SELECT 'system', 'test.bulk', 'thing:' || g, jsonb_build_object('g', g) FROM generate_series(1, ${n}) g`,
    );
    const res = await get("action=test.bulk&format=ndjson&limit=5");
    const events = (res.body as string)
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; details: { g: number } });
    expect(events).toHaveLength(n);
    expect(events.map((e) => e.details.g)).toEqual(Array.from({ length: n }, (_, i) => n - i));

    const first = await get("action=test.bulk&limit=10");
    const rest = await get(`action=test.bulk&format=ndjson&cursor=${first.body.nextCursor}`);
    expect((rest.body as string).trimEnd().split("\n")).toHaveLength(n - 10);
  });
});
