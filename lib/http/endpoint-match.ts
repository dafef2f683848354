import { CATCH_ALL_TAILS, endpointMethods } from "./endpoint-table";

type Template = { pattern: RegExp; params: number; methods: readonly string[] };

// `/api/v1/sites/{name}` → ^/api/v1/sites/[^/]+$; `{ref}` of a catch-all route
// (`[...ref]`) is written the same in the contracts, so it may span segments
// only where the template ends with it.
const templates: Template[] = Object.entries(endpointMethods).map(([path, methods]) => {
  const parts = path.split("/").map((seg, i, all) => {
    if (!/^\{.+\}$/.test(seg)) return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return i === all.length - 1 && CATCH_ALL_TAILS.has(path) ? ".+" : "[^/]+";
  });
  return { pattern: new RegExp(`^${parts.join("/")}$`), params: (path.match(/\{/g) ?? []).length, methods };
});

/**
 * The methods `pathname` answers, or null when no endpoint has it. Where a
 * static path and a parameter both match (`/alerts/groups`, `/alerts/{id}`),
 * Next serves the static one, and so does this.
 */
export function methodsAt(pathname: string): readonly string[] | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  let best: Template | null = null;
  for (const t of templates) if (t.pattern.test(path) && (!best || t.params < best.params)) best = t;
  return best?.methods ?? null;
}
