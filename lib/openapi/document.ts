import { OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { AuditEventOut, AuditQuery } from "../audit/schemas";
import { CreatedTokenOut, CreateTokenInput, CreateUserInput, LoginInput, MeOut, RoleName, TokenOut } from "../auth/schemas";
import { CreateSiteInput, ListServersQuery, ServerOut, SiteOut } from "../inventory/schemas";
import { version } from "../version";
import { pageOf, registerEndpoint, registry } from "./registry";

const Health = z
  .object({
    status: z.enum(["ok", "degraded"]),
    db: z.object({ kind: z.enum(["pglite", "postgres"]), ok: z.boolean(), latencyMs: z.number().nullable() }),
    tf: z.object({ backend: z.string().nullable() }),
    version: z.string(),
  })
  .meta({ id: "Health" });
const UserOut = z.object({ id: z.string(), name: z.string(), role: RoleName, createdAt: z.string(), disabled: z.boolean() }).meta({ id: "User" });
const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

registerEndpoint({ method: "get", path: "/api/health", summary: "Liveness and database kind", ok: { status: 200, description: "Healthy", schema: Health } });
registerEndpoint({ method: "get", path: "/api/metrics", summary: "Prometheus exposition of Rackmind's view (rackmind_*)", role: "viewer", description: "Without credentials when RACKMIND_METRICS_PUBLIC=1.", ok: { status: 200, description: "Prometheus text format 0.0.4", schema: z.string(), mediaType: "text/plain" } });
registerEndpoint({ method: "get", path: "/api/openapi.json", summary: "This document", ok: { status: 200, description: "OpenAPI 3.1" } });
registerEndpoint({ method: "post", path: "/api/v1/auth/login", summary: "Sign in; sets the session cookie", request: { body: json(LoginInput) }, ok: { status: 200, description: "Signed in", schema: MeOut.pick({ name: true, role: true }) }, errors: [400, 401, 415, 422] });
registerEndpoint({ method: "post", path: "/api/v1/auth/logout", summary: "Sign out; clears the session cookie", ok: { status: 204, description: "Signed out" } });
registerEndpoint({ method: "get", path: "/api/v1/me", summary: "Who am I", role: "viewer", ok: { status: 200, description: "The caller", schema: MeOut } });
registerEndpoint({ method: "get", path: "/api/v1/tokens", summary: "List API tokens", role: "admin", ok: { status: 200, description: "Tokens (hashes never leave the server)", schema: pageOf(TokenOut) } });
registerEndpoint({ method: "post", path: "/api/v1/tokens", summary: "Create an API token (shown once)", role: "admin", request: { body: json(CreateTokenInput) }, ok: { status: 201, description: "Created", schema: CreatedTokenOut }, errors: [400, 413, 415, 422] });
registerEndpoint({ method: "delete", path: "/api/v1/tokens/{id}", summary: "Revoke an API token", role: "admin", request: { params: z.object({ id: z.uuid() }) }, ok: { status: 204, description: "Revoked" }, errors: [404, 422] });
registerEndpoint({ method: "get", path: "/api/v1/users", summary: "List users", role: "admin", ok: { status: 200, description: "Users", schema: pageOf(UserOut) } });
registerEndpoint({ method: "post", path: "/api/v1/users", summary: "Create a user", role: "admin", request: { body: json(CreateUserInput) }, ok: { status: 201, description: "Created", schema: UserOut }, errors: [400, 409, 413, 415, 422] });
registerEndpoint({ method: "get", path: "/api/v1/sites", summary: "List sites", role: "viewer", ok: { status: 200, description: "Sites", schema: pageOf(SiteOut) } });
registerEndpoint({ method: "post", path: "/api/v1/sites", summary: "Register a site", role: "operator", request: { body: json(CreateSiteInput) }, ok: { status: 201, description: "Created", schema: SiteOut }, errors: [400, 409, 413, 415, 422] });
registerEndpoint({ method: "get", path: "/api/v1/servers", summary: "List servers", role: "viewer", request: { query: ListServersQuery }, ok: { status: 200, description: "A page of servers", schema: pageOf(ServerOut) }, errors: [400, 422] });
registerEndpoint({ method: "get", path: "/api/v1/audit", summary: "The audit log, newest first", role: "viewer", request: { query: AuditQuery }, ok: { status: 200, description: "A page of audit events", schema: pageOf(AuditEventOut) }, errors: [400, 422] });

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

/** The OpenAPI 3.1 description of the API, generated from the same zod schemas that validate requests. */
export function getOpenApiDocument() {
  cached ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Rackmind API",
      version,
      description: "The operations console for AI datacenters. Errors always have the shape `{\"error\": {\"code\", \"message\", \"details\"}}`.",
    },
    servers: [{ url: "/" }],
  });
  return cached;
}
