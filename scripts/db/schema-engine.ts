/**
 * Loads Prisma's WebAssembly schema engine (@prisma/schema-engine-wasm) by hand and creates
 * an engine instance bound to a driver adapter.
 *
 * Why by hand: the package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`,
 * which Node 20 cannot import. We instantiate the .wasm ourselves and hand its exports to the
 * wasm-bindgen glue (`schema_engine_bg.js`).
 *
 * Two ways to connect the engine:
 * - a real database: `bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }))`;
 * - offline: a stub adapter that only answers the one probe query the engine runs when it starts
 *   (`SELECT EXISTS(... pg_namespace ...), version(), server_version_num`) and rejects anything
 *   else. Diffing schema to schema (datamodel to datamodel) needs nothing more, so migration-create
 *   and migration-check work without a running database.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine, SchemaFilter, DiffTarget } from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { SchemaEngine };

const require = createRequire(import.meta.url);

let loaded: Promise<typeof glue> | undefined;

/** Instantiates the wasm module once per process and returns the glue module. */
export function loadSchemaEngineWasm(): Promise<typeof glue> {
  loaded ??= (async () => {
    const glueFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    // PRISMA_SCHEMA_ENGINE_WASM may point to another build of the engine whose imports match this
    // glue, e.g. node_modules/prisma/build/schema_engine_bg.wasm (the exact engine of the prisma CLI).
    const wasmFile =
      process.env.PRISMA_SCHEMA_ENGINE_WASM || path.join(path.dirname(glueFile), "schema_engine_bg.wasm");
    const bytes = await readFile(wasmFile);
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    const g = glue as unknown as { __wbg_set_wasm(exports: unknown): void };
    g.__wbg_set_wasm(instance.exports);
    const start = (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start;
    start?.();
    return glue;
  })();
  return loaded;
}

const OFFLINE_ADAPTER_NAME = "offline-stub (no database)";

class OfflineError extends Error {
  constructor(sql: string) {
    super(
      `The offline schema engine has no database; it cannot run: ${sql.slice(0, 120)}. ` +
        `Pass --url (or DATABASE_URL) for operations that need a database.`,
    );
  }
}

function offlineAdapter(): SqlDriverAdapter {
  const reject = (q: SqlQuery | string) => Promise.reject(new OfflineError(typeof q === "string" ? q : q.sql));
  return {
    provider: "postgres",
    adapterName: OFFLINE_ADAPTER_NAME,
    async queryRaw(q: SqlQuery): Promise<SqlResultSet> {
      // The only query the engine runs when it is created (checked with schema-engine-wasm
      // 8.1.0-1.d1b3f377… and 8.1.0-2.59be4fda…): namespace exists, version(), version number.
      if (/^\s*SELECT\s+EXISTS\s*\(\s*SELECT\s+1\s+FROM\s+pg_namespace/i.test(q.sql)) {
        return {
          columnNames: ["exists", "version", "numeric_version"],
          columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
          rows: [[true, "PostgreSQL 15.0 (offline stub, no database)", 150000]],
        };
      }
      return reject(q);
    },
    executeRaw: (q: SqlQuery) => reject(q),
    executeScript: (s: string) => reject(s),
    startTransaction: () => reject("BEGIN"),
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
}

function offlineFactory(): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: OFFLINE_ADAPTER_NAME,
    connect: async () => offlineAdapter(),
    connectToShadowDb: async () => offlineAdapter(),
  };
}

/** Wraps a factory so that every adapter it hands out can be disposed when we are done. */
function tracking(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: SqlDriverAdapter[] = [];
  const wrapped: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const a = await factory.connect();
      opened.push(a);
      return a;
    },
    connectToShadowDb: async () => {
      const a = await factory.connectToShadowDb();
      opened.push(a);
      return a;
    },
  };
  const disposeAll = async () => {
    for (const a of opened.splice(0)) {
      await a.dispose().catch(() => {});
    }
  };
  return { wrapped, disposeAll };
}

export interface EngineHandle {
  engine: SchemaEngine;
  /** "database" when connected through PrismaPg, "offline" with the stub adapter. */
  mode: "database" | "offline";
  close(): Promise<void>;
}

export interface OpenEngineOptions {
  /** Connection string. Without it the engine is created offline (diff only). */
  url?: string;
  /** Schema files given to the engine's constructor, as [path, content]. */
  datamodels?: [string, string][];
  /** Receives the engine's JSON log lines (default: ignored). */
  onLog?: (line: string) => void;
}

export async function openSchemaEngine(opts: OpenEngineOptions = {}): Promise<EngineHandle> {
  const g = await loadSchemaEngineWasm();
  const base = opts.url ? new PrismaPg({ connectionString: opts.url }) : offlineFactory();
  const { wrapped, disposeAll } = tracking(base);
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(wrapped);
  let engine: SchemaEngine;
  try {
    engine = await g.SchemaEngine.new(
      { datamodels: opts.datamodels },
      (line: string) => opts.onLog?.(line),
      adapterFactory,
    );
  } catch (e) {
    await disposeAll();
    throw e;
  }
  return {
    engine,
    mode: opts.url ? "database" : "offline",
    async close() {
      try {
        engine.free();
      } finally {
        await disposeAll();
      }
    },
  };
}

export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/** A schema target for the engine's diff: the empty schema when `content` is null. */
export function datamodelTarget(content: string | null, fileName = "schema.prisma"): DiffTarget {
  if (content === null) return { tag: "empty" };
  return { tag: "schemaDatamodel", files: [{ path: fileName, content }] };
}

/**
 * SQL script that migrates a database from schema `from` (null: empty database) to schema `to`.
 * Returns "" when there is no difference.
 */
export async function diffSchemas(handle: EngineHandle, from: string | null, to: string | null): Promise<string> {
  const res = await handle.engine.diff({
    from: datamodelTarget(from),
    to: datamodelTarget(to),
    script: true,
    exitCode: true,
    filters: NO_FILTER,
  });
  // With exitCode: true the engine returns 2 when the diff is not empty, 0 when it is.
  if (res.exitCode === 0) return "";
  return res.stdout ?? "";
}
