import * as contracts from "@/lib/http/contracts/energy";
import { defineRoute } from "@/lib/http/route";
import { uploadCarbonIntensity } from "@/lib/energy/pricing/carbon-intensity";

export const POST = defineRoute(contracts.postCarbonIntensity, async ({ body, user }) =>
  uploadCarbonIntensity(body, user),
);
