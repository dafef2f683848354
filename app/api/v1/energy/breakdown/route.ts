import { readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { getEnergyBreakdown } from "@/lib/energy/reports/breakdown";
import { BreakdownQuery } from "@/lib/energy/schemas";

export const GET = withAuth("energy.read", async (req) => Response.json(await getEnergyBreakdown(readQuery(req, BreakdownQuery))));
