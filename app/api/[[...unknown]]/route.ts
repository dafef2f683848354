import { errorResponse } from "@/lib/http/errors";

/**
 * Any /api path no endpoint has: the API's JSON error shape, not Next's HTML
 * 404 page, whatever the method. (A known path with a method it lacks is
 * answered 405 by proxy.ts before it gets here.)
 */
function noEndpoint(request: Request): Response {
  const { pathname } = new URL(request.url);
  return errorResponse(
    "not_found",
    `There is no API endpoint at ${pathname}; the endpoints are listed in /api/openapi.json`,
  );
}

export const GET = noEndpoint;
export const HEAD = noEndpoint;
export const POST = noEndpoint;
export const PUT = noEndpoint;
export const PATCH = noEndpoint;
export const DELETE = noEndpoint;
export const OPTIONS = noEndpoint;
