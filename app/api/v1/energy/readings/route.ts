import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { ingestEnergyReadings } from "@/lib/energy/meters/readings";
import { EnergyReadingsInput } from "@/lib/energy/schemas";

export const POST = withAuth("energy.write", async (req, { user }) =>
  Response.json(await ingestEnergyReadings(await readJson(req, EnergyReadingsInput), user)),
);
