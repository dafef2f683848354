import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { routeContracts } from "../http/contracts/catalog";
import { version } from "../version";
import { registerOperation, registerSecuritySchemes } from "./operations";

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

/**
 * The OpenAPI 3.1 description of the API, generated from the route contracts
 * that the handlers are defined with, and so from the zod schemas that validate
 * requests: an endpoint cannot be served without being described.
 */
export function getOpenApiDocument() {
  cached ??= generateDocument();
  return cached;
}

function generateDocument() {
  const registry = new OpenAPIRegistry();
  registerSecuritySchemes(registry);
  for (const [operationId, contract] of routeContracts()) registerOperation(registry, operationId, contract);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Rackmind API",
      version,
      description:
        'The operations console for AI datacenters. Errors always have the shape `{"error": {"code", "message", "details"}}`. ' +
        "Lists answer `{items, nextCursor}`; pass `nextCursor` back as `?cursor=` for the next page.",
    },
    servers: [{ url: "/" }],
  });
}
