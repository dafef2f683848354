import { readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { listRackPower } from "@/lib/energy/reports/rack-power";
import { RackPowerQuery } from "@/lib/energy/schemas";

export const GET = withAuth("energy.read", async (req) =>
  Response.json({ items: await listRackPower(readQuery(req, RackPowerQuery)), nextCursor: null }),
);
