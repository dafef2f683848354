import { readJson, readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { createRack, listRacks } from "@/lib/inventory/racks";
import { CreateRackInput, ListRacksQuery } from "@/lib/inventory/schemas";

export const GET = withAuth("inventory.read", async (req) =>
  Response.json({ items: await listRacks(readQuery(req, ListRacksQuery)), nextCursor: null }),
);

export const POST = withAuth("inventory.write", async (req, { user }) => {
  const input = await readJson(req, CreateRackInput);
  return Response.json(await createRack(input, user), { status: 201 });
});
