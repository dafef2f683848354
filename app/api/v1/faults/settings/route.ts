import * as contracts from "@/lib/http/contracts/faults";
import { defineRoute } from "@/lib/http/route";
import { getFaultSettings, updateFaultSettings } from "@/lib/faults/settings";

export const GET = defineRoute(contracts.getFaultSettings, async () => getFaultSettings());

export const PATCH = defineRoute(contracts.updateFaultSettings, async ({ body, user }) =>
  updateFaultSettings(body, user),
);
