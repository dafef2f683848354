import { getConfig } from "../../config";

/** Where people reach the console: notifications link there (Alertmanager's externalURL). */
export function externalUrl(): string {
  const c = getConfig();
  return (c.RACKMIND_EXTERNAL_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, "");
}
