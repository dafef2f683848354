import { NextResponse, type NextRequest } from "next/server";
import { methodsAt } from "@/lib/http/endpoint-match";
import type { ErrorBody } from "@/lib/http/errors";

/**
 * The API's edge: a method an endpoint does not answer is a 405 in the API's
 * JSON error shape with `Allow` (Next would answer an empty 405). HEAD and
 * OPTIONS are Next's own (HEAD of a GET, OPTIONS listing the methods).
 * Unknown paths fall through to app/api/[[...unknown]] (a JSON 404).
 */
export function proxy(request: NextRequest) {
  const method = request.method.toUpperCase();
  if (method === "HEAD" || method === "OPTIONS") return NextResponse.next();
  const methods = methodsAt(request.nextUrl.pathname);
  if (methods === null || methods.includes(method)) return NextResponse.next();
  const allow = methods.join(", ");
  // Built here rather than with http/errors' errorResponse: the proxy bundle stays free of the logger and zod.
  const body: ErrorBody = {
    error: {
      code: "method_not_allowed",
      message: `${method} is not allowed on ${request.nextUrl.pathname}; it answers ${allow}`,
      details: { allow: methods },
    },
  };
  return Response.json(body, { status: 405, headers: { Allow: allow } });
}

export const config = { matcher: "/api/:path*" };
