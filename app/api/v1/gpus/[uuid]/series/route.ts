import { readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { SeriesQuery } from "@/lib/telemetry/schemas";
import { getGpuSeries } from "@/lib/telemetry/views/series";

export const GET = withAuth<{ uuid: string }>("telemetry.read", async (req, { params }) =>
  Response.json(await getGpuSeries(params.uuid, readQuery(req, SeriesQuery))),
);
