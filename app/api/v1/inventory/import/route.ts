import { readBodyText } from "@/lib/http/body";
import * as contracts from "@/lib/http/contracts/inventory";
import { defineRoute } from "@/lib/http/route";
import { importInventory } from "@/lib/inventory/inventory-transfer";

// The contract checks the media type (text/csv); the CSV is read here, up to the body limit.
export const POST = defineRoute(contracts.importInventory, async ({ req, user }) =>
  importInventory(await readBodyText(req), user),
);
