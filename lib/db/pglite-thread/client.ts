import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { QueryOptions, Results, Transaction } from "@electric-sql/pglite";

/** What this app asks of PGlite: drizzle's pglite session and pg-boss's adapter use no more. */
export interface PgliteClient {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Results[]>;
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type Request =
  | { op: "query"; sql: string; params?: unknown[]; options?: WireOptions; tx?: number }
  | { op: "exec"; sql: string; options?: WireOptions; tx?: number }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "close" };

interface WireOptions {
  rowMode?: "array" | "object";
  /** Types whose values stay PostgreSQL's text: the only kind of parser that can cross to the thread. */
  textTypes?: number[];
}

type Reply = { id: number; result: unknown } | { id: number; error: Record<string, unknown> } | { ready: true } | { failed: Record<string, unknown> };

/** Where the worker's file is: like the migrations, next to the sources the app is started from. */
export function pgliteWorkerPath(): string {
  // Not bundled: the bundler is told to leave this path alone, and Node runs the file as it is.
  return process.env.MOA_PGLITE_WORKER ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "db", "pglite-thread", "worker.mjs");
}

/**
 * PGlite on a worker thread, behind the part of its interface the app uses. The event loop then
 * only sends statements and receives rows; PostgreSQL's own work (parsing, planning, writing
 * pages, all synchronous WebAssembly) runs beside it. Measured under 100 starting runs: the loop
 * ~78% busy instead of ~92%. The admission row of bench/results.md gives POST /api/runs p99 for
 * both placements under the same load: 172 vs 1,111 ms in one run on 2026-12-07, within that
 * machine's noise in later ones (294–362 vs 309–438 ms). Each statement costs a message round
 * trip, so many small sequential ones (the job scheduler) are slower.
 */
export async function openPgliteThread(dataDir: string): Promise<PgliteClient> {
  const worker = new Worker(/*turbopackIgnore: true*/ pgliteWorkerPath(), { workerData: { dataDir } });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let exited: Error | undefined;

  await new Promise<void>((resolve, reject) => {
    const onMessage = (reply: Reply) => {
      worker.off("error", reject);
      if ("failed" in reply) reject(rebuiltError(reply.failed));
      else resolve();
    };
    worker.once("message", onMessage);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the database thread exited while opening (code ${code})`)));
  });

  worker.on("message", (reply: Reply) => {
    if (!("id" in reply)) return;
    const call = waiting.get(reply.id);
    if (!call) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if ("error" in reply) call.reject(rebuiltError(reply.error));
    else call.resolve(reply.result);
  });
  const failAll = (error: Error) => {
    exited = error;
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  };
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`the database thread exited (code ${code})`)));
  // An idle database must not keep a finished process alive; a statement in flight must.
  worker.unref();

  function call<T>(request: Request): Promise<T> {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (waiting.size === 1) worker.ref();
      worker.postMessage({ id, ...request });
    });
  }

  const runner = (tx?: number) => ({
    query: async <T>(sql: string, params?: unknown[], options?: QueryOptions) =>
      call<Results<T>>({ op: "query", sql, params, options: wireOptions(options), tx }),
    exec: async (sql: string, options?: QueryOptions) => call<Results[]>({ op: "exec", sql, options: wireOptions(options), tx }),
  });

  return {
    ...runner(),
    async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      const id = await call<number>({ op: "begin" });
      let closed = false;
      const inside = runner(id);
      const tx = {
        ...inside,
        async rollback() {
          closed = true;
          await call({ op: "end", tx: id, commit: false });
        },
        get closed() {
          return closed;
        },
      } as unknown as Transaction;
      try {
        const result = await work(tx);
        if (!closed) {
          closed = true;
          await call({ op: "end", tx: id, commit: true });
        }
        return result;
      } catch (error) {
        if (!closed) {
          closed = true;
          await call({ op: "end", tx: id, commit: false }).catch(() => undefined);
        }
        throw error;
      }
    },
    async close() {
      if (!exited) await call({ op: "close" }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

/** A parser map crosses to the thread only as "keep these types as text": anything else is refused. */
const checkedParsers = new WeakMap<object, number[]>();
const TEXT_PROBE = "2024-01-02 03:04:05+00 kept as text";

function wireOptions(options: QueryOptions | undefined): WireOptions | undefined {
  if (!options) return undefined;
  const { rowMode, parsers, ...rest } = options;
  if (Object.keys(rest).length > 0) throw new Error(`the database thread cannot take query options ${Object.keys(rest).join(", ")}`);
  if (!parsers) return { rowMode };
  let textTypes = checkedParsers.get(parsers);
  if (!textTypes) {
    for (const [oid, parse] of Object.entries(parsers)) {
      if (parse(TEXT_PROBE, Number(oid)) !== TEXT_PROBE) throw new Error(`the database thread cannot take a parser for type ${oid}`);
    }
    textTypes = Object.keys(parsers).map(Number);
    checkedParsers.set(parsers, textTypes);
  }
  return { rowMode, textTypes };
}

function rebuiltError(fields: Record<string, unknown>): Error {
  const { name, message, stack, ...rest } = fields;
  const error = Object.assign(new Error(String(message)), rest);
  if (typeof name === "string") error.name = name;
  // The thread's stack says where PostgreSQL failed; ours says which statement asked.
  if (typeof stack === "string") error.stack = `${error.stack}\n    --- in the database thread ---\n${stack}`;
  return error;
}
