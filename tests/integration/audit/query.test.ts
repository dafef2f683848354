import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "../../../app/api/v1/audit/route";
import * as sites from "../../../app/api/v1/sites/route";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let token: Awaited<ReturnType<typeof tokensByRole>>;
beforeAll(async () => {
  token = await tokensByRole();
  for (const name of ["s1", "s2", "s3"]) await call(sites.POST, { token: token.operator, json: { name } });
});

describe("GET /api/v1/audit", () => {
  it("lists who did what, when, to which object, newest first", async () => {
    const res = await call(audit.GET, { token: token.viewer, path: "/api/v1/audit?action=site.create" });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { target: string }) => e.target)).toEqual(["site:s3", "site:s2", "site:s1"]);
    const [e] = res.body.items;
    expect(e).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      actor: "token:test-operator",
      action: "site.create",
      target: "site:s3",
      details: expect.objectContaining({ name: "s3" }),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("filters by actor (qualified or bare), action prefix, target and time, and pages", async () => {
    const q = (s: string) => call(audit.GET, { token: token.viewer, path: `/api/v1/audit?${s}` }).then((r) => r.body);
    expect((await q("actor=token:test-operator")).items).toHaveLength(3);
    expect((await q("actor=test-operator")).items).toHaveLength(3);
    expect((await q("action=token.")).items.length).toBe(3);
    expect((await q("target=site:s2")).items).toHaveLength(1);
    expect((await q("from=2999-01-01T00:00:00Z")).items).toHaveLength(0);
    const page1 = await q("action=site.create&limit=2");
    expect(page1.items).toHaveLength(2);
    const page2 = await q(`action=site.create&limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items.map((e: { target: string }) => e.target)).toEqual(["site:s1"]);
    expect(page2.nextCursor).toBeNull();
  });
});
