/**
 * Where in the console an audit target's object lives, or null when it has no
 * page. Targets are `kind:key` (lib/audit/events.ts); the key's own slashes
 * name a part (`rack:site/rack`, `model:name/version`). Each segment is
 * URL-encoded, so a hostname or name with odd characters cannot leave its path.
 */
export function objectHref(target: string): string | null {
  const colon = target.indexOf(":");
  if (colon <= 0) return null;
  const kind = target.slice(0, colon);
  const parts = target.slice(colon + 1).split("/");
  // Empty segments and wildcards ("gpu:*" for a bulk change) name no single object;
  // "." and ".." would be resolved away by the browser, even encoded.
  if (parts.some((p) => ["", "*", ".", ".."].includes(p))) return null;
  const path = (...segments: string[]) => `/${segments.map(encodeURIComponent).join("/")}`;
  const [first, second] = parts as [string, string?];
  switch (kind) {
    case "server":
      return parts.length === 1 ? path("servers", first) : null;
    case "gpu":
      return parts.length === 1 ? path("gpus", first) : null;
    case "rack":
      return parts.length === 2 ? path("racks", first, second!) : null;
    case "job":
      return parts.length === 1 ? path("jobs", first) : null;
    case "dataset":
      return parts.length === 1 ? path("datasets", first) : null;
    case "model":
      if (parts.length === 1) return path("models", first);
      return parts.length === 2 ? path("models", first, "versions", second!) : null;
    default:
      return null;
  }
}
