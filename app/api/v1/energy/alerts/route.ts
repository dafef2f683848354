import { readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { findEnergyAlerts } from "@/lib/energy/reports/alerts";
import { AlertsQuery } from "@/lib/energy/schemas";

export const GET = withAuth("energy.read", async (req) =>
  Response.json({ items: await findEnergyAlerts(readQuery(req, AlertsQuery)), nextCursor: null }),
);
