import type { z } from "zod";
import type { Principal } from "../auth/principal";
import { readSettings, writeSettings } from "../settings/stored-settings";
import { FaultSettings, type UpdateFaultSettings } from "./schemas";

const KEY = "faults";

export const getFaultSettings = (): Promise<FaultSettings> => readSettings(KEY, FaultSettings);

export async function updateFaultSettings(
  input: z.infer<typeof UpdateFaultSettings>,
  actor: Principal,
): Promise<FaultSettings> {
  const next = FaultSettings.parse({ ...(await getFaultSettings()), ...input });
  return writeSettings(KEY, next, actor, { action: "faults.settings_update", details: input });
}
