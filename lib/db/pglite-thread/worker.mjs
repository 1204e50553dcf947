// @ts-check
/**
 * The embedded database on its own thread. PGlite runs PostgreSQL compiled to WebAssembly: every
 * statement is synchronous CPU work on whichever thread holds it. On the server's event loop,
 * 100 runs writing their events took about a fifth of that loop; here they take this thread's
 * time. Plain JavaScript, because a worker thread is started from a file that Node runs as it is
 * (see client.ts).
 *
 * Messages in: { id, op: "query" | "exec" | "begin" | "end" | "close", sql?, params?, options?, tx?, commit? }.
 * Messages out: { id, result } or { id, error }; { ready: true } or { failed } once at start.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

if (!parentPort) throw new Error("pglite worker: start me as a worker thread");
const port = parentPort;

/** @type {PGlite} */
let pg;
try {
  pg = await PGlite.create(workerData.dataDir);
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ failed: errorFields(error) });
  process.exit(1);
}

/**
 * Open transactions by id: the callback PGlite runs while it holds its transaction lock waits
 * for the main thread's "end". Queries without a transaction wait behind that lock, as in one thread.
 * @type {Map<number, { tx: import("@electric-sql/pglite").Transaction, end: (commit: boolean) => void, done: Promise<void> }>}
 */
const transactions = new Map();

/** Types the caller keeps as PostgreSQL's text (drizzle keeps dates and intervals as strings). */
const keepText = (/** @type {string} */ value) => value;

/** @param {{ rowMode?: "array" | "object", textTypes?: number[] } | undefined} options */
function queryOptions(options) {
  if (!options) return undefined;
  return { rowMode: options.rowMode, parsers: Object.fromEntries((options.textTypes ?? []).map((oid) => [oid, keepText])) };
}

/** @param {any} message */
function target(message) {
  if (message.tx === undefined) return pg;
  const open = transactions.get(message.tx);
  if (!open) throw new Error(`transaction ${message.tx} is not open`);
  return open.tx;
}

/** @param {any} message */
async function handle(message) {
  switch (message.op) {
    case "query":
      return target(message).query(message.sql, message.params, queryOptions(message.options));
    case "exec":
      return target(message).exec(message.sql, queryOptions(message.options));
    case "begin": {
      /** @type {(commit: boolean) => void} */
      let end = () => {};
      const ended = new Promise((resolve) => {
        end = resolve;
      });
      /** @type {(tx: import("@electric-sql/pglite").Transaction) => void} */
      let opened = () => {};
      const open = new Promise((resolve) => {
        opened = resolve;
      });
      // PGlite commits when the callback returns, and rolls back when it calls rollback().
      const done = pg.transaction(async (tx) => {
        opened(tx);
        if (!(await ended)) await tx.rollback();
      });
      const tx = await Promise.race([
        open,
        done.then(() => {
          throw new Error("the transaction ended before it began");
        }),
      ]);
      transactions.set(message.id, { tx, end, done });
      return message.id;
    }
    case "end": {
      const open = transactions.get(message.tx);
      if (!open) throw new Error(`transaction ${message.tx} is not open`);
      transactions.delete(message.tx);
      open.end(message.commit);
      // Resolves once COMMIT (or ROLLBACK) has run; a COMMIT that failed rejects here.
      await open.done;
      return null;
    }
    case "close":
      await pg.close();
      return null;
    default:
      throw new Error(`pglite worker: unknown op ${message.op}`);
  }
}

/** @param {unknown} error */
function errorFields(error) {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  /** @type {Record<string, unknown>} */
  const fields = { name: error.name, message: error.message, stack: error.stack };
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === "string" || typeof value === "number") fields[key] = value;
  }
  return fields;
}

port.on("message", (message) => {
  handle(message).then(
    (result) => port.postMessage({ id: message.id, result }),
    (error) => port.postMessage({ id: message.id, error: errorFields(error) }),
  );
});
