import { can } from "@/lib/auth/permissions";
import * as contracts from "@/lib/http/contracts/alerts";
import { defineRoute } from "@/lib/http/route";
import { deleteReceiver, getReceiver, updateReceiver } from "@/lib/alerts/notify/receivers";

export const GET = defineRoute(contracts.getReceiver, async ({ params, user }) =>
  getReceiver(params.name, { revealUrls: can(user.role, "alerts.receivers") }),
);

export const PATCH = defineRoute(contracts.updateReceiver, async ({ params, body, user }) =>
  updateReceiver(params.name, body, user),
);

export const DELETE = defineRoute(contracts.deleteReceiver, async ({ params, user }) => {
  await deleteReceiver(params.name, user);
});
