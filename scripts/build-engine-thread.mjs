/**
 * Bundles the engine thread (lib/runs/engine-thread/entry.ts) into one file Node runs as a
 * worker: .next/engine-thread/engine-thread.mjs, the path lib/runs/engine-thread/host.ts looks
 * at. `npm run build` runs it after `next build` (which empties .next). Without it, a server
 * started with MOA_ENGINE_THREAD=1 runs the engine on its event loop and says so.
 */
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export const ENGINE_THREAD_FILE = path.join(root, ".next", "engine-thread", "engine-thread.mjs");

/** Writes the bundle to `outfile` (tests build their own copy). */
export async function buildEngineThread(outfile = ENGINE_THREAD_FILE) {
  await build({
    entryPoints: [path.join(root, "lib/runs/engine-thread/entry.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    // Native or self-locating packages load from node_modules as they are.
    external: ["node-llama-cpp", "@electric-sql/pglite", "pg"],
    // `server-only` guards React bundles; a worker thread is server code by construction.
    alias: { "server-only": path.join(root, "node_modules/server-only/empty.js") },
    // Bundled CommonJS packages call require(): the ES module gets one.
    banner: { js: "import { createRequire as __moaCreateRequire } from 'node:module'; const require = __moaCreateRequire(import.meta.url);" },
    minify: true,
    sourcemap: true,
    legalComments: "none",
    logLevel: "warning",
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildEngineThread();
