import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { deleteRack, getRack, updateRack } from "@/lib/inventory/racks";
import { RackRef, UpdateRackInput } from "@/lib/inventory/schemas";

// /api/v1/racks/{rack} or /api/v1/racks/{site}/{rack} when the name is not unique.
type P = { ref: string[] };
const refOf = (p: P) => RackRef.parse(p.ref.join("/"));

export const GET = withAuth<P>("inventory.read", async (_req, { params }) => Response.json(await getRack(refOf(params))));

export const PATCH = withAuth<P>("inventory.write", async (req, { user, params }) =>
  Response.json(await updateRack(refOf(params), await readJson(req, UpdateRackInput), user)),
);

export const DELETE = withAuth<P>("inventory.write", async (_req, { user, params }) => {
  await deleteRack(refOf(params), user);
  return new Response(null, { status: 204 });
});
