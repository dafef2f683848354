import * as contracts from "@/lib/http/contracts/alerts";
import { defineRoute } from "@/lib/http/route";
import { deleteAlertRule, getAlertRule, updateAlertRule } from "@/lib/alerts/rules";

export const GET = defineRoute(contracts.getAlertRule, async ({ params }) => getAlertRule(params.name));

export const PATCH = defineRoute(contracts.updateAlertRule, async ({ params, body, user }) =>
  updateAlertRule(params.name, body, user),
);

export const DELETE = defineRoute(contracts.deleteAlertRule, async ({ params, user }) => {
  await deleteAlertRule(params.name, user);
});
