import { withAuth } from "@/lib/http/with-auth";
import { exportInventory } from "@/lib/inventory/inventory-transfer";

export const GET = withAuth("inventory.read", async () => {
  const csv = await exportInventory();
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="rackmind-inventory-${stamp}.csv"` },
  });
});
