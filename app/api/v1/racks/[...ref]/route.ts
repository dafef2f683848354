import * as contracts from "@/lib/http/contracts/inventory";
import { defineRoute } from "@/lib/http/route";
import { deleteRack, getRack, updateRack } from "@/lib/inventory/racks";

// /api/v1/racks/{rack} or /api/v1/racks/{site}/{rack} when the name is not unique;
// the contract joins the segments into one rack reference.
export const GET = defineRoute(contracts.getRack, async ({ params }) => getRack(params.ref));

export const PATCH = defineRoute(contracts.updateRack, async ({ params, body, user }) =>
  updateRack(params.ref, body, user),
);

export const DELETE = defineRoute(contracts.deleteRack, async ({ params, user }) => deleteRack(params.ref, user));
