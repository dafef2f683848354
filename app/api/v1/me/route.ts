import * as contracts from "@/lib/http/contracts/auth";
import { defineRoute } from "@/lib/http/route";
import { setUserLocale } from "@/lib/i18n/preference";

export const GET = defineRoute(contracts.getMe, async ({ user }) => ({
  role: user.role,
  name: user.name,
  kind: user.kind,
}));

export const PATCH = defineRoute(contracts.updateMe, async ({ user, body }) => setUserLocale(user, body.locale));
