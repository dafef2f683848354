import { authenticate } from "../auth/authenticate";
import { can, permissions, type Permission } from "../auth/permissions";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors";
import { toErrorResponse } from "./errors";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler<P> = (req: Request, ctx: { user: Principal; params: P }) => Promise<Response>;

/**
 * Wraps a route handler: authenticates, checks `permission`, and maps anything
 * thrown to the API's one error shape. Every /api/v1 handler goes through it.
 */
export function withAuth<P extends Record<string, string | string[]> = Record<string, string>>(permission: Permission, handler: Handler<P>) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    try {
      const user = await authenticate(req);
      if (!can(user.role, permission)) {
        throw new AppError("forbidden", `This needs the ${permissions[permission]} role (${permission}); you are ${user.role}`);
      }
      const params = ((await ctx?.params) ?? {}) as P;
      return await handler(req, { user, params });
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}

/** For the few endpoints without authentication (health, login): error mapping only. */
export function withErrors(handler: (req: Request) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    try {
      return await handler(req);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}
