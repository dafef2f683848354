import { NextResponse, type NextRequest } from "next/server";
import { methodsAt } from "@/lib/http/endpoint-match";
import type { ErrorBody } from "@/lib/http/errors";

/**
 * The edge of every request (static files aside).
 *
 * API: a method an endpoint does not answer is a 405 in the API's JSON error
 * shape with `Allow` (Next would answer an empty 405). HEAD and OPTIONS are
 * Next's own (HEAD of a GET, OPTIONS listing the methods). Unknown paths fall
 * through to app/api/[[...unknown]] (a JSON 404).
 *
 * Pages: a Content-Security-Policy with a fresh nonce per request, which Next
 * puts on every script it renders, so no inline script without it runs (no
 * 'unsafe-inline' for scripts; styles keep it: React's style attributes need
 * it). The other security headers are static (next.config.js).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/api" || pathname.startsWith("/api/")) return apiEdge(request);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageCsp(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function apiEdge(request: NextRequest) {
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

// Everything but Next's static files and the icon: pages get their nonce, the API its edge.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"] };
