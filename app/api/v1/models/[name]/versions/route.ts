import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { registerExternalVersion } from "@/lib/models/external";
import { listVersions } from "@/lib/models/versions";

export const GET = defineRoute(contracts.listModelVersions, async ({ params, query }) =>
  listVersions(params.name, query),
);

export const POST = defineRoute(contracts.registerExternalVersion, async ({ params, body, user }) => {
  const { name, version } = await registerExternalVersion(params.name, body, user);
  return { name, version };
});
