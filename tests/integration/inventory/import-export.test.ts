import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "../../../app/api/v1/inventory/import/route";
import * as exportRoute from "../../../app/api/v1/inventory/export/route";
import { db } from "../../../lib/db";
import { planDemoFleet } from "../../../lib/demo/demo-fleet-plan";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

const demoCsv = readFileSync(path.resolve(import.meta.dirname, "../../../docs/examples/demo-fleet.csv"), "utf8");
let op: string;
let viewer: string;
beforeAll(async () => {
  ({ operator: op, viewer } = await tokensByRole());
});

const importCsv = (csv: string, token = op) =>
  call(importRoute.POST, { token, body: csv, headers: { "content-type": "text/csv" } });
const exportCsv = async () => (await call(exportRoute.GET, { token: viewer })).body as string;

/** Every inventory row with its timestamps: "identical" means not even touched. */
async function snapshot() {
  const [sites, racks, servers, gpus] = await Promise.all([
    db.site.findMany({ orderBy: { name: "asc" } }),
    db.rack.findMany({ orderBy: { name: "asc" } }),
    db.server.findMany({ orderBy: { hostname: "asc" } }),
    db.gpu.findMany({ orderBy: { uuid: "asc" } }),
  ]);
  return { sites, racks, servers, gpus };
}

describe("inventory CSV import and export", () => {
  it("imports the shipped demo fleet CSV into an empty database: every site, rack, server and GPU of the demo plan", async () => {
    const res = await importCsv(demoCsv);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      created: 2 + 8 + 62 + 272,
      updated: 0,
      rows: 272,
      sites: { created: 2, updated: 0 },
      racks: { created: 8, updated: 0 },
      servers: { created: 62, updated: 0 },
      gpus: { created: 272, updated: 0 },
    });
    const plan = planDemoFleet();
    const servers = await db.server.findMany({ include: { rack: true } });
    for (const planned of plan.servers) {
      const s = servers.find((x) => x.hostname === planned.hostname)!;
      expect({
        positionU: s.positionU,
        heightU: s.heightU,
        model: s.model,
        serial: s.serial,
        status: s.status,
      }).toEqual({
        positionU: planned.positionU,
        heightU: planned.heightU,
        model: planned.model,
        serial: planned.serial,
        status: planned.status,
      });
    }
    expect(new Set((await db.gpu.findMany()).map((g) => g.uuid))).toEqual(new Set(plan.gpus.map((g) => g.uuid)));
    expect(await db.auditEvent.count({ where: { action: "inventory.import" } })).toBe(1);
  });

  it("exports CSV that is the shipped file byte for byte, and importing it back changes nothing", async () => {
    const exported = await exportCsv();
    expect(exported).toBe(demoCsv);
    const before = await snapshot();
    const again = await importCsv(exported);
    expect(again.body).toMatchObject({ created: 0, updated: 0, rows: 272 });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a CSV with 3 bad rows with every bad line and why, writing nothing", async () => {
    const before = await snapshot();
    const auditBefore = await db.auditEvent.count();
    const header = demoCsv.split("\n")[0];
    const csv = [
      header,
      "lab9,UTC,USD,,,lab9-r01,42,,lab9-n01,1,2,Dell,SN1,active,,,,,",
      "lab9,UTC,USD,,,lab9-r01,42,,lab9-n02,2,2,Dell,SN2,active,,,,,", // overlaps lab9-n01 at U2
      "lab9,UTC,USD,,,lab9-r01,42,,lab9-n03,41,4,Dell,SN3,active,,,,,", // above the top of the rack
      "lab9,UTC,USD,,,lab9-r01,42,,lab9-n04,10,2,Dell,SN4,broken,,,,,", // not a status
      "lab9,UTC,USD,,,lab9-r01,42,,lab9-n05,20,2,Dell,SN5,active,,,,,",
    ].join("\n");
    const res = await importCsv(csv);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("unprocessable_entity");
    expect(res.body.error.details).toEqual([
      { line: 3, message: "lab9-n02: U2–U3 overlaps lab9-n01 (U1–U2) in lab9/lab9-r01" },
      { line: 4, message: "lab9-n03: U41–U44 does not fit in lab9/lab9-r01 (42U)" },
      { line: 5, message: expect.stringMatching(/^status: /) },
    ]);
    expect(await snapshot()).toEqual(before);
    expect(await db.auditEvent.count()).toBe(auditBefore);
  });

  it("updates what changed, reports conflicts between rows, and refuses a GPU index already taken", async () => {
    const header = demoCsv.split("\n")[0];
    const moved = demoCsv
      .split("\n")
      .find((l) => l.includes(",ams1-r04-n10,"))!
      .replace(",active,", ",maintenance,");
    const res = await importCsv(`${header}\n${moved}\n`);
    expect(res.body).toMatchObject({ created: 0, updated: 1, servers: { created: 0, updated: 1 } });
    expect((await db.server.findUniqueOrThrow({ where: { hostname: "ams1-r04-n10" } })).status).toBe("maintenance");

    const contradict = [header, "ams1,UTC,,,,,,,,,,,,,,,,,"].join("\n");
    const tz = await importCsv(contradict);
    expect(tz.status).toBe(200); // a site row may change the time zone: it is an update
    const twoTz = [header, "lab8,UTC,,,,,,,,,,,,,,,,,", "lab8,Europe/Paris,,,,,,,,,,,,,,,,,"].join("\n");
    expect((await importCsv(twoTz)).body.error.details).toEqual([
      { line: 3, message: "site lab8: timezone Europe/Paris contradicts UTC on line 2" },
    ]);

    const taken = [
      header,
      "ams1,,,,,ams1-r01,,,ams1-r01-n01,,,,,,GPU-cccccccc-0000-0000-0000-000000000001,0,NVIDIA H100 80GB HBM3,81559,",
    ].join("\n");
    const clash = await importCsv(taken);
    expect(clash.status).toBe(422);
    expect(clash.body.error.details[0].message).toMatch(/ams1-r01-n01 already has GPU index 0/);
  });

  it("exports cells a spreadsheet would run as formulas with a leading quote, and imports them back unchanged", async () => {
    const header = demoCsv.split("\n")[0];
    const hostile = ['=HYPERLINK("http://x.invalid","open")', "+1+2", "@SUM(A1)", "-2+3"];
    const rows = hostile.map(
      (serial, i) =>
        `ams1,,,,,ams1-r04,,,ams1-r04-n${String(i + 11).padStart(2, "0")},${31 + i},1,,"${serial.replaceAll('"', '""')}",,,,,,`,
    );
    const created = await importCsv([header, ...rows].join("\n"));
    expect(created.status).toBe(200);
    const exported = await exportCsv();
    for (const serial of hostile) {
      const line = exported.split("\n").find((l) => l.includes(serial.replaceAll('"', '""')))!;
      // The cell starts with a quote, so no spreadsheet reads it as a formula.
      expect(line).toMatch(/,"?'[=+@-]/);
    }
    const before = await snapshot();
    expect((await importCsv(exported)).body).toMatchObject({ created: 0, updated: 0 });
    expect(await snapshot()).toEqual(before);
    for (const [i, serial] of hostile.entries()) {
      const hostname = `ams1-r04-n${String(i + 11).padStart(2, "0")}`;
      expect((await db.server.findUniqueOrThrow({ where: { hostname } })).serial).toBe(serial);
    }
    await db.server.deleteMany({ where: { hostname: { in: hostile.map((_, i) => `ams1-r04-n${i + 11}`) } } });
  });

  it("explains header and syntax problems, and needs text/csv from an operator", async () => {
    expect((await importCsv("site,colour\nams1,red\n")).body.error.details).toEqual([
      { line: 1, message: expect.stringMatching(/unknown columns: colour/) },
    ]);
    expect((await importCsv('site,rack\nams1,"unclosed\n')).body.error.details[0].message).toMatch(/CSV syntax/);
    expect((await importCsv("site\n")).body.error.details).toEqual([
      { line: 1, message: "the CSV has a header but no rows" },
    ]);
    expect((await importCsv(demoCsv, viewer)).status).toBe(403);
    const json = await call(importRoute.POST, { token: op, json: { csv: demoCsv } });
    expect(json.status).toBe(415);
  });
});
