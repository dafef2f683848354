import { can } from "@/lib/auth/permissions";
import * as contracts from "@/lib/http/contracts/alerts";
import { defineRoute } from "@/lib/http/route";
import { createReceiver, listReceivers } from "@/lib/alerts/notify/receivers";

export const GET = defineRoute(contracts.listReceivers, async ({ user }) =>
  listReceivers({ revealUrls: can(user.role, "alerts.receivers") }),
);

export const POST = defineRoute(contracts.createReceiver, async ({ body, user }) => createReceiver(body, user));
