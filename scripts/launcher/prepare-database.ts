import type { DemoCredential } from "../../lib/auth/bootstrap";

/**
 * Brings a migrated database to a usable state: env bootstraps, demo users and
 * the demo fleet when empty. Imported only after DATABASE_URL is set, because
 * lib/db reads it on import.
 */
export async function prepareDatabase(): Promise<{
  credentials: DemoCredential[];
  seeded: { servers: number; gpus: number } | null;
}> {
  const { getConfig } = await import("../../lib/config");
  const { createDemoUsers, ensureEnvAdminPassword, ensureEnvAdminToken } = await import("../../lib/auth/bootstrap");
  const { seedDemoFleet } = await import("../../lib/demo/demo-fleet");
  const config = getConfig();
  const credentials = await createDemoUsers(config.RACKMIND_ADMIN_PASSWORD);
  if (config.RACKMIND_ADMIN_PASSWORD) await ensureEnvAdminPassword(config.RACKMIND_ADMIN_PASSWORD);
  if (config.RACKMIND_ADMIN_TOKEN) await ensureEnvAdminToken(config.RACKMIND_ADMIN_TOKEN);
  const seed = await seedDemoFleet();
  // The launcher hands the database to its children; it keeps no pool open.
  await (await import("../../lib/db")).disconnectDb();
  return { credentials, seeded: seed.seeded ? { servers: seed.servers, gpus: seed.gpus } : null };
}

/** The one-time banner with the demo passwords; they are not stored in clear anywhere. */
export function formatCredentials(creds: DemoCredential[]): string {
  if (creds.length === 0) return "";
  const lines = creds.map((c) => `    ${c.role.padEnd(9)} user: ${c.name.padEnd(9)} password: ${c.password}`);
  return [
    "",
    "  Demo users were created. Their passwords are shown ONCE — note them now:",
    ...lines,
    "  (Set RACKMIND_ADMIN_PASSWORD to choose the admin password yourself.)",
    "",
  ].join("\n");
}
