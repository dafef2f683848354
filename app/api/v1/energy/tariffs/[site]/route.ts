import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { PutTariffInput } from "@/lib/energy/schemas";
import { getTariff, putTariff } from "@/lib/energy/pricing/tariff-settings";

type P = { site: string };

export const GET = withAuth<P>("energy.read", async (_req, { params }) => Response.json(await getTariff(params.site)));

export const PUT = withAuth<P>("energy.write", async (req, { user, params }) =>
  Response.json(await putTariff(params.site, await readJson(req, PutTariffInput), user)),
);
