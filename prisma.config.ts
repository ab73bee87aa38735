import { defineConfig } from "prisma/config";

// Migrations are applied by scripts/db (see its README); this file serves `prisma generate`
// and, where Prisma's engines can be downloaded, the standard `prisma migrate` commands.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:54330/postgres" },
});
