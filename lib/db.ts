import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** The client passed to work done inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createDb(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** The process-wide client, created on first use from DATABASE_URL. */
export function db(): PrismaClient {
  if (!globalForDb.__db) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: see README, section Configuration.");
    globalForDb.__db = createDb(url, Number(process.env.DATABASE_POOL_SIZE ?? 10));
  }
  return globalForDb.__db;
}
