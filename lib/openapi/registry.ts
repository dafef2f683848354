import { OpenAPIRegistry, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { errorCodes } from "../errors";

export const registry = new OpenAPIRegistry();

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.unknown().nullable(),
    }),
  })
  .meta({ id: "Error" });

export const bearerAuth = registry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer" });
export const cookieAuth = registry.registerComponent("securitySchemes", "cookieAuth", { type: "apiKey", in: "cookie", name: "rackmind_session" });

/** A page of items as every list endpoint answers. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

const errorResponses = (codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [code, { description: "Error", content: { "application/json": { schema: ErrorBody } } }]),
  );

type Endpoint = Omit<RouteConfig, "responses"> & {
  ok: { status: number; description: string; schema?: z.ZodType; mediaType?: string };
  /** The role needed; omit for endpoints without authentication. */
  role?: "viewer" | "operator" | "admin";
  errors?: number[];
};

/** Registers one endpoint with its success answer and the error answers it can give. */
export function registerEndpoint({ ok, role, errors = [], ...route }: Endpoint): void {
  const authErrors = role ? [401, 403] : [];
  registry.registerPath({
    ...route,
    security: role ? [{ [bearerAuth.name]: [] }, { [cookieAuth.name]: [] }] : [],
    description: [route.description, role ? `Needs role **${role}** or higher.` : "No authentication."].filter(Boolean).join("\n\n"),
    responses: {
      [ok.status]: {
        description: ok.description,
        ...(ok.schema ? { content: { [ok.mediaType ?? "application/json"]: { schema: ok.schema } } } : {}),
      },
      ...errorResponses([...authErrors, ...errors]),
    },
  });
}
