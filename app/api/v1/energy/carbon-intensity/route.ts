import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { uploadCarbonIntensity } from "@/lib/energy/pricing/carbon-intensity";
import { CarbonIntensitiesInput } from "@/lib/energy/schemas";

export const POST = withAuth("energy.write", async (req, { user }) =>
  Response.json(await uploadCarbonIntensity(await readJson(req, CarbonIntensitiesInput), user)),
);
