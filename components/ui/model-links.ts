import { hrefWith } from "./pager";

// The dashboard's addresses for the model registry, in one place so every page
// (jobs, datasets, the registry's own) links a model or version the same way.

export function modelHref(name: string, query: Record<string, string | undefined> = {}): string {
  return hrefWith(`/models/${encodeURIComponent(name)}`, query);
}

export function versionHref(name: string, version: number): string {
  return `/models/${encodeURIComponent(name)}/versions/${version}`;
}

/** The compare page for `versions`, in the order given (deltas are against the first). */
export function compareHref(name: string, versions: number[]): string {
  return `/models/${encodeURIComponent(name)}/compare?versions=${versions.join(",")}`;
}

/** A dataset version's page, as the dataset page selects versions (`?version=`). */
export function datasetVersionHref(name: string, version: number): string {
  return `/datasets/${encodeURIComponent(name)}?version=${version}`;
}

/** "pima@3" (a version summary's `dataset`) as a link target; null when it does not read as name@version. */
export function datasetRefHref(ref: string | null): string | null {
  const m = ref ? /^(.+)@(\d+)$/.exec(ref) : null;
  return m ? datasetVersionHref(m[1]!, Number(m[2])) : null;
}

/** Where the API serves one file of a version's artifact. */
export function artifactHref(name: string, version: number, file?: "model.json" | "weights.bin" | "signature.json") {
  const base = `/api/v1/models/${encodeURIComponent(name)}/versions/${version}/artifact`;
  return file ? `${base}/${file}` : base;
}
