import * as contracts from "@/lib/http/contracts/service";
import { defineRoute } from "@/lib/http/route";
import { getOpenApiDocument } from "@/lib/openapi/document";

export const GET = defineRoute(contracts.getOpenApi, async () => Response.json(getOpenApiDocument()));
