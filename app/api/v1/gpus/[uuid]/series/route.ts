import * as contracts from "@/lib/http/contracts/telemetry";
import { defineRoute } from "@/lib/http/route";
import { getGpuSeries } from "@/lib/telemetry/views/series";

export const GET = defineRoute(contracts.getGpuSeries, async ({ params, query }) => getGpuSeries(params.uuid, query));
