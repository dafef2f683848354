import { z } from "zod";
import type { Permission } from "../auth/permissions";
import type { Principal } from "../auth/principal";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/**
 * A body the handler reads itself (CSV, Prometheus text): the route only checks
 * its media type and, when one is named, its Content-Encoding (remote-write's
 * snappy), both 415 otherwise.
 */
export type RawBody = { mediaTypes: readonly [string, ...string[]]; contentEncoding?: string; description?: string };

/**
 * The success answer: its status, and the body's schema and media type (JSON
 * unless said); `alternatives` are other media types the same call can answer
 * with (a `format=csv` query, say).
 */
export type SuccessResponse = {
  status: number;
  description: string;
  schema?: z.ZodType;
  mediaType?: string;
  alternatives?: readonly { mediaType: string; schema: z.ZodType }[];
};

/**
 * One endpoint, stated once: `defineRoute` serves it (auth, parsing, error
 * mapping) and the OpenAPI document describes it, from the same object.
 */
export type RouteContract = {
  method: HttpMethod;
  /** OpenAPI path template; `{name}` is the route folder `[name]` (or `[...name]`). */
  path: `/api/${string}`;
  /** Whose role may call it (lib/auth/permissions.ts); null for endpoints without authentication. */
  permission: Permission | null;
  /** When this returns true the endpoint is served without authentication (metrics scraped in a trusted network). */
  publicWhen?: () => boolean;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodType;
  /** A JSON body, parsed with this schema: 415 / 413 / 400 (malformed) / 422 (schema). */
  body?: z.ZodType;
  rawBody?: RawBody;
  response: SuccessResponse;
  /** Error statuses beyond those the contract implies (401/403 from the permission, 415 from a body, …). */
  errors?: readonly number[];
};

/** Identity, so each contract keeps its exact schema types for its handler. */
export function defineContract<const C extends RouteContract>(contract: C): C {
  return contract;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type Caller<C extends RouteContract> = C["permission"] extends Permission
  ? C extends { publicWhen: () => boolean }
    ? Principal | null
    : Principal
  : null;

/** What a handler gets: the request, the caller and the parsed inputs of its contract. */
export type RouteInput<C extends RouteContract> = {
  req: Request;
  user: Caller<C>;
  params: C["params"] extends z.ZodType ? z.output<C["params"]> : Record<string, string | string[]>;
  query: Parsed<C["query"]>;
  body: Parsed<C["body"]>;
};

/**
 * What a handler answers: the success body (sent as JSON with the contract's
 * status), nothing for a body-less answer, or a Response of its own (a stream,
 * a CSV download, a status that depends on the outcome).
 */
export type RouteReply<C extends RouteContract> =
  Response | (C["response"]["schema"] extends z.ZodType ? z.input<C["response"]["schema"]> : void);

/** The list envelope's schema, `{items, nextCursor}` (lib/pagination.ts builds the value). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
