import * as contracts from "@/lib/http/contracts/telemetry";
import { defineRoute } from "@/lib/http/route";
import { deleteScrapeTarget, updateScrapeTarget } from "@/lib/telemetry/scrape/scrape-targets";

export const PATCH = defineRoute(contracts.updateScrapeTarget, async ({ params, body, user }) =>
  updateScrapeTarget(params.id, body, user),
);

export const DELETE = defineRoute(contracts.deleteScrapeTarget, async ({ params, user }) =>
  deleteScrapeTarget(params.id, user),
);
