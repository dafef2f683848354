import * as contracts from "@/lib/http/contracts/telemetry";
import { defineRoute } from "@/lib/http/route";
import { getScrapeNetworks, updateScrapeNetworks } from "@/lib/telemetry/scrape/network-policy";

export const GET = defineRoute(contracts.getScrapeNetworks, async () => getScrapeNetworks());

export const PUT = defineRoute(contracts.updateScrapeNetworks, async ({ body, user }) =>
  updateScrapeNetworks(body, user),
);
