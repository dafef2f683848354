import type { RouteContract } from "../contract";
import * as alerts from "./alerts";
import * as audit from "./audit";
import * as auth from "./auth";
import * as datasets from "./datasets";
import * as deployments from "./deployments";
import * as energy from "./energy";
import * as faults from "./faults";
import * as gpus from "./gpus";
import * as inventory from "./inventory";
import * as jobs from "./jobs";
import * as models from "./models";
import * as quotas from "./quotas";
import * as schedules from "./schedules";
import * as service from "./service";
import * as telemetry from "./telemetry";

// Every contract module, in the order the document lists them. A new domain's
// endpoints are one import here; the route catalog test fails until they are.
const modules: Record<string, object>[] = [
  service,
  auth,
  inventory,
  gpus,
  faults,
  telemetry,
  audit,
  energy,
  datasets,
  jobs,
  schedules,
  quotas,
  models,
  deployments,
  alerts,
];

function isContract(value: unknown): value is RouteContract {
  return typeof value === "object" && value !== null && "method" in value && "path" in value && "response" in value;
}

/** Every endpoint's contract, each with its operation id (the name it is exported under). */
export function routeContracts(): [operationId: string, contract: RouteContract][] {
  const all = modules.flatMap((m) =>
    Object.entries(m).filter((entry): entry is [string, RouteContract] => isContract(entry[1])),
  );
  const seen = new Set<string>();
  for (const [id, c] of all) {
    for (const key of [id, `${c.method.toUpperCase()} ${c.path}`]) {
      if (seen.has(key)) throw new Error(`Two route contracts share ${key}`);
      seen.add(key);
    }
  }
  return all;
}
