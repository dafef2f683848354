import { z } from "zod";
import { inventoryColumns } from "../../inventory/csv-columns";
import {
  CreateRackInput,
  CreateServerInput,
  CreateSiteInput,
  ListRacksQuery,
  ListServersQuery,
  RackOut,
  RackRef,
  ServerOut,
  SiteOut,
  UpdateRackInput,
  UpdateServerInput,
  UpdateSiteInput,
} from "../../inventory/schemas";
import { defineContract, pageOf } from "../contract";

// Sites, racks and servers, and the inventory as CSV (GPUs: gpus.ts).

const siteParams = z.object({ name: z.string().meta({ description: "site name" }) });
// The route is a catch-all ([...ref]): `/racks/b01` or `/racks/lab1/b01` when the name is not unique.
const rackParams = z.object({
  ref: z
    .preprocess((segments) => (Array.isArray(segments) ? segments.join("/") : segments), RackRef)
    .meta({ description: "rack name, or site/rack as two path segments" }),
});
const hostParams = z.object({ hostname: z.string() });

const counts = z.object({ created: z.number().int(), updated: z.number().int() });
const ImportResultOut = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    rows: z.number().int(),
    sites: counts,
    racks: counts,
    servers: counts,
    gpus: counts,
  })
  .meta({ id: "InventoryImportResult" });

export const listSites = defineContract({
  method: "get",
  path: "/api/v1/sites",
  permission: "inventory.read",
  summary: "List sites",
  response: { status: 200, description: "Sites", schema: pageOf(SiteOut) },
});
export const createSite = defineContract({
  method: "post",
  path: "/api/v1/sites",
  permission: "inventory.write",
  summary: "Register a site",
  body: CreateSiteInput,
  response: { status: 201, description: "Created", schema: SiteOut },
  errors: [409],
});
export const getSite = defineContract({
  method: "get",
  path: "/api/v1/sites/{name}",
  permission: "inventory.read",
  summary: "A site",
  params: siteParams,
  response: { status: 200, description: "The site", schema: SiteOut },
  errors: [404],
});
export const updateSite = defineContract({
  method: "patch",
  path: "/api/v1/sites/{name}",
  permission: "inventory.write",
  summary: "Change a site (tariff, carbon intensity, time zone)",
  params: siteParams,
  body: UpdateSiteInput,
  response: { status: 200, description: "Changed", schema: SiteOut },
  errors: [404],
});
export const deleteSite = defineContract({
  method: "delete",
  path: "/api/v1/sites/{name}",
  permission: "inventory.write",
  summary: "Delete a site without racks",
  params: siteParams,
  response: { status: 204, description: "Deleted" },
  errors: [404, 409],
});

export const listRacks = defineContract({
  method: "get",
  path: "/api/v1/racks",
  permission: "inventory.read",
  summary: "List racks",
  query: ListRacksQuery,
  response: { status: 200, description: "Racks", schema: pageOf(RackOut) },
});
export const createRack = defineContract({
  method: "post",
  path: "/api/v1/racks",
  permission: "inventory.write",
  summary: "Add a rack to a site",
  body: CreateRackInput,
  response: { status: 201, description: "Created", schema: RackOut },
  errors: [404, 409],
});
export const getRack = defineContract({
  method: "get",
  path: "/api/v1/racks/{ref}",
  permission: "inventory.read",
  summary: "A rack (also /api/v1/racks/{site}/{rack})",
  params: rackParams,
  response: { status: 200, description: "The rack", schema: RackOut },
  errors: [404, 422],
});
export const updateRack = defineContract({
  method: "patch",
  path: "/api/v1/racks/{ref}",
  permission: "inventory.write",
  summary: "Rename or resize a rack (never below a mounted server)",
  params: rackParams,
  body: UpdateRackInput,
  response: { status: 200, description: "Changed", schema: RackOut },
  errors: [404, 409],
});
export const deleteRack = defineContract({
  method: "delete",
  path: "/api/v1/racks/{ref}",
  permission: "inventory.write",
  summary: "Delete an empty rack",
  params: rackParams,
  response: { status: 204, description: "Deleted" },
  errors: [404, 409, 422],
});

export const listServers = defineContract({
  method: "get",
  path: "/api/v1/servers",
  permission: "inventory.read",
  summary: "List servers",
  query: ListServersQuery,
  response: { status: 200, description: "A page of servers", schema: pageOf(ServerOut) },
  errors: [400],
});
export const createServer = defineContract({
  method: "post",
  path: "/api/v1/servers",
  permission: "inventory.write",
  summary: "Mount a server in a rack",
  description: "409 when it overlaps another server or the hostname is taken; 422 when it does not fit the rack.",
  body: CreateServerInput,
  response: { status: 201, description: "Created", schema: ServerOut },
  errors: [404, 409],
});
export const getServer = defineContract({
  method: "get",
  path: "/api/v1/servers/{hostname}",
  permission: "inventory.read",
  summary: "A server",
  params: hostParams,
  response: { status: 200, description: "The server", schema: ServerOut },
  errors: [404],
});
export const updateServer = defineContract({
  method: "patch",
  path: "/api/v1/servers/{hostname}",
  permission: "inventory.write",
  summary: "Change a server: status, move, rename",
  params: hostParams,
  body: UpdateServerInput,
  response: { status: 200, description: "Changed", schema: ServerOut },
  errors: [404, 409],
});
export const deleteServer = defineContract({
  method: "delete",
  path: "/api/v1/servers/{hostname}",
  permission: "inventory.write",
  summary: "Remove a server and its GPUs",
  params: hostParams,
  response: { status: 204, description: "Deleted" },
  errors: [404],
});

export const importInventory = defineContract({
  method: "post",
  path: "/api/v1/inventory/import",
  permission: "inventory.write",
  summary: "Import inventory CSV (all or nothing)",
  description:
    "Columns: " +
    inventoryColumns.join(", ") +
    ". One row per GPU, or per server without GPUs, rack without servers, site without racks. " +
    "Matches by site name, site/rack, hostname, GPU UUID; updates what differs; deletes nothing; empty cells leave values unchanged. " +
    "Any bad row: 422 with details [{line, message}] and nothing written.",
  rawBody: { mediaTypes: ["text/csv"] },
  response: { status: 200, description: "What was created and updated", schema: ImportResultOut },
  errors: [400, 422],
});
export const exportInventory = defineContract({
  method: "get",
  path: "/api/v1/inventory/export",
  permission: "inventory.read",
  summary: "Export the inventory as CSV that import accepts back",
  response: { status: 200, description: "text/csv", schema: z.string(), mediaType: "text/csv" },
});
