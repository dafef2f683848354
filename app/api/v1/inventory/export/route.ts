import * as contracts from "@/lib/http/contracts/inventory";
import { defineRoute } from "@/lib/http/route";
import { exportInventory } from "@/lib/inventory/inventory-transfer";

export const GET = defineRoute(contracts.exportInventory, async () => {
  const csv = await exportInventory();
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="rackmind-inventory-${stamp}.csv"`,
    },
  });
});
