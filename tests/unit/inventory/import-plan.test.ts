import { describe, expect, it } from "vitest";
import { InventoryRow } from "../../../lib/inventory/csv-columns";
import { planImport, type FleetState } from "../../../lib/inventory/import-plan";

const emptyFleet = (): FleetState => ({ sites: new Map(), racks: new Map(), servers: new Map(), gpus: new Map() });
const rows = (...cells: Record<string, string | number>[]) =>
  cells.map((c, i) => ({
    line: i + 2,
    row: InventoryRow.parse(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, String(v)]))),
  }));

describe("planning an inventory import", () => {
  it("merges one row per GPU into one site, rack and server, with defaults for what is not said", () => {
    const { errors, plan } = planImport(
      rows(
        {
          site: "s1",
          rack: "r1",
          name: "h1",
          position: 1,
          u_height: 2,
          gpu_uuid: "GPU-00000000-0000-0000-0000-000000000001",
          gpu_index: 0,
          gpu_model: "NVIDIA L40S",
          gpu_memory_mib: 46068,
        },
        {
          site: "s1",
          rack: "r1",
          name: "h1",
          position: 1,
          u_height: 2,
          gpu_uuid: "GPU-00000000-0000-0000-0000-000000000002",
          gpu_index: 1,
          gpu_model: "NVIDIA L40S",
          gpu_memory_mib: 46068,
        },
      ),
      emptyFleet(),
    );
    expect(errors).toEqual([]);
    expect(plan.sites.create).toEqual([
      { name: "s1", timezone: "UTC", currency: "USD", tariffPerKwh: null, carbonGPerKwh: null },
    ]);
    expect(plan.racks.create).toEqual([{ site: "s1", name: "r1", heightU: 42, powerCapKw: null }]);
    expect(plan.servers.create).toEqual([
      { hostname: "h1", rackKey: "s1/r1", positionU: 1, heightU: 2, model: null, serial: null, status: "active" },
    ]);
    expect(plan.gpus.create.map((g) => g.index)).toEqual([0, 1]);
  });

  it("reports a cell that contradicts an earlier row for the same server", () => {
    const { errors } = planImport(
      rows({ site: "s1", rack: "r1", name: "h1", position: 1 }, { site: "s1", rack: "r1", name: "h1", position: 5 }),
      emptyFleet(),
    );
    expect(errors).toEqual([{ line: 3, message: "server h1: positionU 5 contradicts 1 on line 2" }]);
  });

  it("checks placement against servers already in the rack that the CSV does not mention", () => {
    const fleet = emptyFleet();
    fleet.sites.set("s1", { name: "s1", timezone: "UTC", currency: "USD", tariffPerKwh: null, carbonGPerKwh: null });
    fleet.racks.set("s1/r1", { site: "s1", name: "r1", heightU: 42, powerCapKw: null });
    fleet.servers.set("old", {
      hostname: "old",
      rackKey: "s1/r1",
      positionU: 10,
      heightU: 4,
      model: null,
      serial: null,
      status: "active",
    });
    const { errors } = planImport(rows({ site: "s1", rack: "r1", name: "new", position: 12, u_height: 1 }), fleet);
    expect(errors).toEqual([{ line: 2, message: "new: U12–U12 overlaps old (U10–U13) in s1/r1" }]);
  });

  it("counts an existing entity as updated only when a value differs", () => {
    const fleet = emptyFleet();
    fleet.sites.set("s1", { name: "s1", timezone: "UTC", currency: "USD", tariffPerKwh: 0.1, carbonGPerKwh: null });
    expect(planImport(rows({ site: "s1", site_tariff_per_kwh: 0.1 }), fleet).plan.sites).toEqual({
      create: [],
      update: [],
    });
    expect(planImport(rows({ site: "s1", site_tariff_per_kwh: 0.2 }), fleet).plan.sites.update).toHaveLength(1);
  });

  it("needs a position for a new server but not for a known one", () => {
    expect(planImport(rows({ site: "s1", rack: "r1", name: "h1" }), emptyFleet()).errors).toEqual([
      { line: 2, message: "server h1: position is required for a new server" },
    ]);
  });
});
