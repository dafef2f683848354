import { z } from "zod";
import { Currency, GpuUuid, Name, PciBusId, ServerStatus, TimeZone } from "./schemas";

/**
 * The inventory CSV: one row per GPU, or per server without GPUs, or per rack
 * without servers, or per site without racks. Names follow NetBox's device
 * import where it has one (`name`, `site`, `rack`, `position`, `device_type`,
 * `serial`, `status`). Empty cells leave an existing value unchanged.
 */
export const inventoryColumns = [
  "site",
  "site_timezone",
  "site_currency",
  "site_tariff_per_kwh",
  "site_carbon_g_per_kwh",
  "rack",
  "rack_u_height",
  "rack_power_cap_kw",
  "name",
  "position",
  "u_height",
  "device_type",
  "serial",
  "status",
  "gpu_uuid",
  "gpu_index",
  "gpu_model",
  "gpu_memory_mib",
  "gpu_pci_bus_id",
] as const;
export type InventoryColumn = (typeof inventoryColumns)[number];

const empty = (v: unknown) => (v === "" ? undefined : v);
const text = (max: number) => z.preprocess(empty, z.string().max(max).optional());
const int = (min: number, max: number) => z.preprocess(empty, z.coerce.number().int().min(min).max(max).optional());
const num = (max: number) => z.preprocess(empty, z.coerce.number().nonnegative().max(max).optional());

/** One CSV row, each cell validated; which cells a row needs depends on its kind (see refine). */
export const InventoryRow = z
  .object({
    site: Name,
    site_timezone: z.preprocess(empty, TimeZone.optional()),
    site_currency: z.preprocess(empty, Currency.optional()),
    site_tariff_per_kwh: num(1e6),
    site_carbon_g_per_kwh: num(5000),
    rack: z.preprocess(empty, Name.optional()),
    rack_u_height: int(1, 60),
    rack_power_cap_kw: z.preprocess(empty, z.coerce.number().positive().max(10_000).optional()),
    name: z.preprocess(empty, Name.optional()),
    position: int(1, 60),
    u_height: int(1, 60),
    device_type: text(200),
    serial: text(200),
    status: z.preprocess(empty, ServerStatus.optional()),
    gpu_uuid: z.preprocess(empty, GpuUuid.optional()),
    gpu_index: int(0, 63),
    gpu_model: text(100),
    gpu_memory_mib: int(1, 10_000_000),
    gpu_pci_bus_id: z.preprocess(empty, PciBusId.optional()),
  })
  .superRefine((row, ctx) => {
    const need = (col: keyof typeof row, why: string) => {
      if (row[col] === undefined) ctx.addIssue({ code: "custom", path: [col], message: `${col} is required ${why}` });
    };
    if (row.name) need("rack", "for a server row");
    if (row.gpu_uuid) {
      need("name", "for a GPU row (the server's name)");
      need("gpu_index", "for a GPU row");
    }
    const hasGpuCells =
      row.gpu_index !== undefined || row.gpu_model || row.gpu_memory_mib !== undefined || row.gpu_pci_bus_id;
    if (hasGpuCells && !row.gpu_uuid)
      ctx.addIssue({
        code: "custom",
        path: ["gpu_uuid"],
        message: "gpu_uuid is required when other gpu_ cells are filled",
      });
    const hasServerCells =
      row.position !== undefined || row.u_height !== undefined || row.device_type || row.serial || row.status;
    if (hasServerCells && !row.name)
      ctx.addIssue({
        code: "custom",
        path: ["name"],
        message: "name (the server's hostname) is required when server cells are filled",
      });
  });
export type InventoryRow = z.infer<typeof InventoryRow>;
