import { z } from "zod";
import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { UpdateTargetInput } from "@/lib/telemetry/schemas";
import { deleteScrapeTarget, updateScrapeTarget } from "@/lib/telemetry/scrape/scrape-targets";

type P = { id: string };
const idOf = (p: P) => z.uuid().parse(p.id);

export const PATCH = withAuth<P>("telemetry.write", async (req, { user, params }) =>
  Response.json(await updateScrapeTarget(idOf(params), await readJson(req, UpdateTargetInput), user)),
);

export const DELETE = withAuth<P>("telemetry.write", async (_req, { user, params }) => {
  await deleteScrapeTarget(idOf(params), user);
  return new Response(null, { status: 204 });
});
