import { readdirSync } from "node:fs";
import path from "node:path";

/** The route files Next serves under app/api, walked as Next walks them. */

export const apiRoot = path.resolve(import.meta.dirname, "../../app/api");
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

// app/api/[[...unknown]] answers every path no endpoint has (a JSON 404): not an endpoint.
const NO_ENDPOINT = path.join(apiRoot, "[[...unknown]]");

/** Every `route.ts` under app/api, with the OpenAPI path its folder serves (`[id]` → `{id}`, `[...ref]` → `{ref}`). */
export function routeFiles(dir = apiRoot): { file: string; path: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (full === NO_ENDPOINT) return [];
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const segments = path.relative(apiRoot, dir).split(path.sep).filter(Boolean);
    const template = segments.map((s) => s.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}")).join("/");
    return [{ file: path.relative(apiRoot, full), path: `/api/${template}` }];
  });
}

/** A route file's exported handlers by method. */
export async function routeModule(file: string): Promise<Record<string, unknown>> {
  return (await import(path.join(apiRoot, file))) as Record<string, unknown>;
}
