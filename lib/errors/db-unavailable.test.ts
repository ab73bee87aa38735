import pg from "pg";
import { describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { AppError, toAppError } from "./app-error";
import { isDatabaseUnavailable, isUnavailableSqlState } from "./db-unavailable";

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });
const prismaError = (code: string, cause?: object) =>
  Object.assign(new Error("Invalid `prisma.x()` invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: cause ? { driverAdapterError: { name: "DriverAdapterError", cause } } : {},
  });

describe("isUnavailableSqlState", () => {
  it.each<[string, boolean]>([
    ["08000", true],
    ["08006", true],
    ["08P01", true],
    ["57P01", true],
    ["57P02", true],
    ["57P03", true],
    ["53300", true],
    ["57014", false], // query cancelled: a statement, not the server
    ["53100", false], // disk full: not a matter of waiting a moment
    ["23505", false],
    ["22021", false],
    ["0800", false],
  ])("%s", (code, expected) => {
    expect(isUnavailableSqlState(code)).toBe(expected);
  });
});

describe("isDatabaseUnavailable: what Prisma, its adapter and node-postgres throw", () => {
  it.each<[string, unknown, boolean]>([
    [
      "Prisma: cannot reach the server",
      prismaError("P1001", { kind: "DatabaseNotReachable", host: "db", port: 5432 }),
      true,
    ],
    ["Prisma: pool timeout", prismaError("P2024"), true],
    ["Prisma: server closed the connection", prismaError("P1017"), true],
    ["a raw query on a closed connection", prismaError("P2010", { kind: "ConnectionClosed" }), true],
    [
      "a raw query, too many connections",
      prismaError("P2010", { kind: "TooManyConnections", cause: "sorry, too many clients already" }),
      true,
    ],
    ["a raw query, server shutting down", prismaError("P2010", { kind: "postgres", code: "57P01" }), true],
    ["a raw query, cannot connect now", prismaError("P2010", { kind: "postgres", code: "57P03" }), true],
    ["node-postgres: shutdown", pgError("57P01", "terminating connection due to administrator command"), true],
    ["node-postgres: connection terminated", new Error("Connection terminated unexpectedly"), true],
    ["node-postgres: connect timeout", new Error("timeout exceeded when trying to connect"), true],
    [
      "a socket refused",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
        code: "ECONNREFUSED",
        syscall: "connect",
        errno: -111,
      }),
      true,
    ],
    ["refused on every address", new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]), true],
    [
      "wrapped in a cause",
      new Error("loading the session failed", { cause: pgError("08006", "connection failure") }),
      true,
    ],
    ["Prisma: unique constraint", prismaError("P2002", { kind: "UniqueConstraintViolation" }), false],
    ["Prisma: record not found", prismaError("P2025"), false],
    [
      "a raw query, invalid input",
      prismaError("P2010", { kind: "InvalidInputValue", message: "invalid input syntax for type uuid" }),
      false,
    ],
    ["node-postgres: a NUL in text", pgError("22021", 'invalid byte sequence for encoding "UTF8": 0x00'), false],
    ["a type error", new TypeError("x.filter is not a function"), false],
    ["a user's error", new AppError("validation", { fr: "x", en: "x" }), false],
    ["null", null, false],
    ["a string", "ECONNREFUSED", false],
  ])("%s", (_name, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });

  it("recognises a real refused connection, through Prisma and through node-postgres", async () => {
    const prisma = createDb("postgresql://postgres@127.0.0.1:1/none", 1);
    const viaPrisma = await prisma.staffUser.findFirst().catch((error: unknown) => error);
    const viaPg = await new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:1/none" })
      .connect()
      .catch((error: unknown) => error);
    await prisma.$disconnect();
    expect(isDatabaseUnavailable(viaPrisma)).toBe(true);
    expect(isDatabaseUnavailable(viaPg)).toBe(true);
  });

  it("is a 503 with Retry-After for a client, never a 401 or a 500", () => {
    const mapped = toAppError(prismaError("P1001", { kind: "DatabaseNotReachable" }));
    expect(mapped?.status).toBe(503);
    expect(mapped?.code).toBe("unavailable");
    expect(mapped?.retryAfterSeconds).toBeGreaterThan(0);
  });
});
