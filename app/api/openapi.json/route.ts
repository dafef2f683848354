import { withErrors } from "@/lib/http/with-auth";
import { getOpenApiDocument } from "@/lib/openapi/document";

export const GET = withErrors(async () => Response.json(getOpenApiDocument()));
