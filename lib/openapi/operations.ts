import { type OpenAPIRegistry, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { permissions } from "../auth/permissions";
import { errorCodes } from "../errors";
import type { RouteContract } from "../http/contract";

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.unknown().nullable(),
    }),
  })
  .meta({ id: "Error" });

const BEARER = "bearerAuth";
const COOKIE = "cookieAuth";

/** The two ways to authenticate: an API token, or the browser's session cookie. */
export function registerSecuritySchemes(registry: OpenAPIRegistry): void {
  registry.registerComponent("securitySchemes", BEARER, { type: "http", scheme: "bearer" });
  registry.registerComponent("securitySchemes", COOKIE, { type: "apiKey", in: "cookie", name: "rackmind_session" });
}

/** Registers one contract as an operation: its role, inputs, success answer and the errors it can give. */
export function registerOperation(registry: OpenAPIRegistry, operationId: string, contract: RouteContract): void {
  registry.registerPath({
    method: contract.method,
    path: contract.path,
    operationId,
    tags: [tagOf(contract.path)],
    summary: contract.summary,
    description: [contract.description, accessOf(contract)].filter(Boolean).join("\n\n"),
    security: securityOf(contract),
    request: requestOf(contract),
    responses: {
      [contract.response.status]: successOf(contract),
      ...Object.fromEntries(errorStatusesOf(contract).map((status) => [status, errorResponse])),
    },
  });
}

const errorResponse = { description: "Error", content: { "application/json": { schema: ErrorBody } } };

// The role comes from the one permission table, so the document cannot disagree with the check.
function accessOf({ permission, publicWhen }: RouteContract): string {
  if (permission === null) return "No authentication.";
  const role = `Needs role **${permissions[permission]}** or higher (\`${permission}\`).`;
  return publicWhen ? `${role.slice(0, -1)}, unless this server serves it without authentication (see above).` : role;
}

function securityOf({ permission, publicWhen }: RouteContract): RouteConfig["security"] {
  if (permission === null) return [];
  const schemes: Record<string, string[]>[] = [{ [BEARER]: [] }, { [COOKIE]: [] }];
  // `{}` is OpenAPI's "no credentials" alternative.
  return publicWhen ? [...schemes, {}] : schemes;
}

function requestOf(contract: RouteContract): RouteConfig["request"] {
  const request: NonNullable<RouteConfig["request"]> = {};
  if (contract.params) request.params = contract.params;
  if (contract.query) request.query = contract.query as NonNullable<RouteConfig["request"]>["query"];
  if (contract.body) request.body = { required: true, content: { "application/json": { schema: contract.body } } };
  if (contract.rawBody) {
    const { mediaTypes, contentEncoding, description } = contract.rawBody;
    if (contentEncoding) {
      request.headers = z.object({
        "content-encoding": z.literal(contentEncoding).meta({ description: "the body's coding" }),
      });
    }
    request.body = {
      required: true,
      description,
      content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: z.string() }])),
    };
  }
  return request;
}

function successOf({ response }: RouteContract) {
  if (!response.schema) return { description: response.description };
  const content = { [response.mediaType ?? "application/json"]: { schema: response.schema } };
  for (const alt of response.alternatives ?? []) content[alt.mediaType] = { schema: alt.schema };
  return { description: response.description, content };
}

/** The statuses an endpoint can answer with besides success: implied by its contract, plus those it names. */
export function errorStatusesOf(contract: RouteContract): number[] {
  const statuses = new Set(contract.errors ?? []);
  if (contract.permission !== null) [401, 403].forEach((s) => statuses.add(s));
  if (contract.body) [400, 413, 415, 422].forEach((s) => statuses.add(s));
  if (contract.rawBody) [413, 415].forEach((s) => statuses.add(s));
  if (contract.query) statuses.add(422);
  return [...statuses].sort((a, b) => a - b);
}

// Operations grouped by the resource after /api/v1 (the service endpoints under /api by themselves).
function tagOf(path: string): string {
  const [, , version, resource] = path.split("/");
  return version === "v1" && resource ? resource : "service";
}
