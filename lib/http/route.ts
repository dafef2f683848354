import { authenticate } from "../auth/authenticate";
import { can, permissions } from "../auth/permissions";
import { isWithinScope, type Principal } from "../auth/principal";
import { AppError } from "../errors";
import { readJson, readQuery, requireContentEncoding, requireContentType } from "./body";
import type { RouteContract, RouteInput, RouteReply, SuccessResponse } from "./contract";
import { toErrorResponse } from "./errors";

/** What Next.js calls: a Web Request in, a Response out. */
export type RouteHandler = (req: Request, ctx?: RouteContext) => Promise<Response>;
type RouteContext = { params: Promise<Record<string, string | string[]>> };

// Which exported functions are routes made here, and from which contract: the
// route catalog test uses it to find a route.ts export that bypasses defineRoute.
const contracts = new WeakMap<RouteHandler, RouteContract>();

/** The contract a handler was defined with, or undefined for a function not made by defineRoute. */
export function contractOf(handler: unknown): RouteContract | undefined {
  return typeof handler === "function" ? contracts.get(handler as RouteHandler) : undefined;
}

/**
 * Serves one contract: authenticates and checks its permission, parses the
 * path parameters, query and body with its schemas (in that order, so each
 * error is the one it always was), calls `handler`, and maps anything thrown to
 * the API's one error shape.
 */
export function defineRoute<const C extends RouteContract>(
  contract: C,
  handler: (input: RouteInput<C>) => Promise<RouteReply<C>>,
): RouteHandler {
  const route: RouteHandler = async (req, ctx) => {
    try {
      const user = await authorize(req, contract);
      const rawParams = (await ctx?.params) ?? {};
      const params = contract.params ? contract.params.parse(rawParams) : rawParams;
      if (contract.rawBody) requireContentType(req, [...contract.rawBody.mediaTypes]);
      if (contract.rawBody?.contentEncoding) requireContentEncoding(req, contract.rawBody.contentEncoding);
      const query = contract.query ? readQuery(req, contract.query) : undefined;
      const body = contract.body ? await readJson(req, contract.body) : undefined;
      const reply = await handler({ req, user, params, query, body } as RouteInput<C>);
      return toResponse(reply, contract.response);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
  contracts.set(route, contract);
  return route;
}

async function authorize(req: Request, contract: RouteContract): Promise<Principal | null> {
  const { permission } = contract;
  if (permission === null || contract.publicWhen?.()) return null;
  const user = await authenticate(req);
  if (!isWithinScope(user, permission))
    throw new AppError("forbidden", "This token is scoped to predictions: it may only predict and send feedback");
  if (!can(user.role, permission) && !(permission === "deployments.predict" && user.kind === "token" && user.scope)) {
    throw new AppError(
      "forbidden",
      `This needs the ${permissions[permission]} role (${permission}); you are ${user.role}`,
    );
  }
  return user;
}

function toResponse(reply: unknown, success: SuccessResponse): Response {
  if (reply instanceof Response) return reply;
  // A contract without a body schema answers without a body (204 and the like).
  if (reply === undefined || !success.schema) return new Response(null, { status: success.status });
  return Response.json(reply, { status: success.status });
}
