import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (generate here; migrate deploy on a connected machine).
// The app connects through lib/db.ts with the pg adapter.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/rackmind" },
});
