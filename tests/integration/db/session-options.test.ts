// Every session the app opens runs without JIT (lib/database/session-options.ts):
// both the raw pool and Prisma's. PGlite has no JIT and ignores the setting.
import { describe, expect, it } from "vitest";
import { getConfig } from "../../../lib/config";
import { getPool } from "../../../lib/database/pool";
import { db } from "../../../lib/db";

describe.skipIf(getConfig().RACKMIND_DB_KIND === "pglite")("database sessions", () => {
  it("start with JIT off, on the raw pool and on Prisma's", async () => {
    expect((await getPool().query<{ jit: string }>("SHOW jit")).rows[0]!.jit).toBe("off");
    expect(await db.$queryRaw<{ jit: string }[]>`SHOW jit`).toEqual([{ jit: "off" }]);
  });
});
