import { readBodyText, requireContentType } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { importInventory } from "@/lib/inventory/inventory-transfer";

export const POST = withAuth("inventory.write", async (req, { user }) => {
  requireContentType(req, ["text/csv"]);
  return Response.json(await importInventory(await readBodyText(req), user));
});
