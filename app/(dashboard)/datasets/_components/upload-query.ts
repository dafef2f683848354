// The upload form's fields → the API's query string. Kept apart from the form
// so the mapping reads in one place; the API validates and explains mistakes.

/** Form fields sent as `name=value` when filled in, under the API's parameter names. */
const TEXT_FIELDS = ["name", "target", "columns", "ignore", "categorical", "zeroMissing", "impute"] as const;
/** Selects whose first option is the API's default, so it is left out of the URL. */
const SELECT_FIELDS = { missing: "impute", normalisation: "zscore", delimiter: "auto", duplicates: "remove" } as const;

export function uploadQuery(data: FormData): string {
  const query = new URLSearchParams();
  for (const field of TEXT_FIELDS) {
    const value = String(data.get(field) ?? "").trim();
    if (value) query.set(field, value);
  }
  query.set("header", data.get("header") === "on" ? "true" : "false");
  for (const [field, fallback] of Object.entries(SELECT_FIELDS)) {
    const value = String(data.get(field) ?? fallback);
    if (value !== fallback) query.set(field, value);
  }
  return query.toString();
}

/** A dataset name from a file name: `pima-indians-diabetes.csv` → `pima-indians-diabetes`. */
export function nameFromFile(fileName: string): string {
  return fileName
    .replace(/\.[^.]*$/, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}
