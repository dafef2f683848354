import { readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { listMeters } from "@/lib/energy/meters/meters";
import { MetersQuery } from "@/lib/energy/schemas";

export const GET = withAuth("energy.read", async (req) => Response.json({ items: await listMeters(readQuery(req, MetersQuery)), nextCursor: null }));
