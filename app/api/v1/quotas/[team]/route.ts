import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { deleteQuota, putQuota } from "@/lib/jobs/placement/quotas";
import { PutQuotaInput, TeamParam } from "@/lib/jobs/schemas";

export const PUT = withAuth("quotas.write", async (req, { user, params }) =>
  Response.json(await putQuota(TeamParam.parse(params).team, await readJson(req, PutQuotaInput), user)),
);

export const DELETE = withAuth("quotas.write", async (_req, { user, params }) => {
  await deleteQuota(TeamParam.parse(params).team, user);
  return new Response(null, { status: 204 });
});
