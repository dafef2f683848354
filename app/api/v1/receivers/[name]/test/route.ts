import * as contracts from "@/lib/http/contracts/alerts";
import { defineRoute } from "@/lib/http/route";
import { sendTestNotification } from "@/lib/alerts/notify/receivers";

export const POST = defineRoute(contracts.testReceiver, async ({ params, user }) =>
  sendTestNotification(params.name, user),
);
