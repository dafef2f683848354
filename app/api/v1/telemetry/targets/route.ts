import * as contracts from "@/lib/http/contracts/telemetry";
import { defineRoute } from "@/lib/http/route";
import { wholePage } from "@/lib/pagination";
import { createScrapeTarget, listScrapeTargets } from "@/lib/telemetry/scrape/scrape-targets";

export const GET = defineRoute(contracts.listScrapeTargets, async () => wholePage(await listScrapeTargets()));

export const POST = defineRoute(contracts.createScrapeTarget, async ({ body, user }) => createScrapeTarget(body, user));
