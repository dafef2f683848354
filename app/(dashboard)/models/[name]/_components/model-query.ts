import { z } from "zod";
import { completeInstant, parsePageQuery, type PageQueryResult, type SearchParams } from "@/lib/http/page-query";
import { AliasName, ListVersionsQuery } from "@/lib/models/schemas";

// The model page's query string, in its three parts: the versions table
// (`sort`, `order`, `archived`, `cursor`, as GET …/versions takes them), whose
// ledger is shown (`alias`), and the "which version held it then?" lookup (`at`).

const VERSIONS_PAGE_SIZE = "50";
const Instant = z.iso.datetime({
  offset: true,
  message: "a UTC time such as 2026-01-31 08:00 or 2026-01-31T08:00:00Z",
});

export type ModelPageQuery = {
  versions: PageQueryResult<ListVersionsQuery>;
  /** The alias asked for with `?alias=`, when it is a valid alias name. */
  alias: string | undefined;
  /** `?at=` as typed, and the instant it stands for (or why it stands for none). */
  at: { typed: string; instant: Date } | { typed: string; error: string } | null;
};

export function parseModelPageQuery(raw: SearchParams): ModelPageQuery {
  const { alias, at, ...rest } = raw;
  const versions = parsePageQuery(ListVersionsQuery, { limit: VERSIONS_PAGE_SIZE, ...rest });
  const aliasValue = typeof alias === "string" ? AliasName.safeParse(alias) : null;
  const typed = typeof at === "string" ? at.trim() : "";
  const instant = typed ? Instant.safeParse(completeInstant(typed)) : null;
  return {
    versions,
    alias: aliasValue?.success ? aliasValue.data : undefined,
    at: !instant
      ? null
      : instant.success
        ? { typed, instant: new Date(instant.data) }
        : { typed, error: instant.error.issues[0]?.message ?? "not a time" },
  };
}
