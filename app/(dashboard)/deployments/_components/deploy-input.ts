// The Deploy form's fields as the body POST /api/v1/deployments takes. Pure,
// so what the form sends for each way of filling it is tested on its own.

export type DeployFields = {
  name: string;
  model: string;
  /** "alias:production" or "version:3": one picker for what the deployment serves. */
  target: string;
  /** "" for no canary. */
  canaryVersion: string;
  canaryWeight: string;
  /** Hostnames separated by commas or spaces. */
  servers: string;
};

function targetOf(value: string): { alias: string } | { version: number } | Record<string, never> {
  const at = value.indexOf(":");
  const [kind, rest] = [value.slice(0, at), value.slice(at + 1)];
  if (kind === "alias") return { alias: rest };
  if (kind === "version") return { version: Number(rest) };
  return {};
}

/**
 * The body for the API, leaving out what was left empty (no canary, no
 * servers) and never turning an empty number into 0: an empty share is sent
 * as NaN so the schema check names the field instead of deploying a 0 % canary.
 */
export function deployBodyOf(f: DeployFields) {
  const servers = f.servers.split(/[\s,]+/).filter(Boolean);
  const weight = f.canaryWeight.trim() === "" ? Number.NaN : Number(f.canaryWeight);
  return {
    name: f.name.trim(),
    model: f.model,
    ...targetOf(f.target),
    ...(f.canaryVersion ? { canary: { version: Number(f.canaryVersion), weight } } : {}),
    ...(servers.length ? { servers } : {}),
  };
}

/** Which field a schema issue belongs to: by its path ("canary.weight"); the "version or alias" rule has none. */
export const deployFieldOf = (path: PropertyKey[]) => path.map(String).join(".") || "target";
