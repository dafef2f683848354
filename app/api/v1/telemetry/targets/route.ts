import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { CreateTargetInput } from "@/lib/telemetry/schemas";
import { createScrapeTarget, listScrapeTargets } from "@/lib/telemetry/scrape/scrape-targets";

export const GET = withAuth("telemetry.read", async () => Response.json({ items: await listScrapeTargets(), nextCursor: null }));

export const POST = withAuth("telemetry.write", async (req, { user }) => {
  const input = await readJson(req, CreateTargetInput);
  return Response.json(await createScrapeTarget(input, user), { status: 201 });
});
