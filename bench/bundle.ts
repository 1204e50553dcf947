import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chunkName } from "./lib/chunk-names";
import { freePort, waitUntilUp } from "./lib/next-server";
import type { Row } from "./lib/table";

const TARGET_KB = 250;
const ROOT = process.cwd();
const NEXT_DIR = join(ROOT, ".next");

interface Script {
  path: string;
  kb: number;
}

/**
 * The gzipped size of every /_next/static script the page's HTML loads. `nomodule` scripts
 * (Next's legacy polyfills) are listed apart: a browser that runs modules never fetches them,
 * and every browser Next 16 supports does.
 */
async function firstLoad(url: string): Promise<{ kb: number; scripts: Script[]; noModuleKb: number; status: number }> {
  const response = await fetch(url);
  const html = await response.text();
  const sources = new Map<string, boolean>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = tag.match(/\ssrc="([^"]+)"/)?.[1];
    if (!src) continue;
    const path = new URL(src.replace(/&amp;/g, "&"), url).pathname;
    if (path.startsWith("/_next/static/")) sources.set(decodeURIComponent(path), /\snomodule\b/i.test(tag));
  }
  const scripts: Script[] = [];
  let noModuleKb = 0;
  for (const [path, noModule] of sources) {
    const kb = gzipSync(await readFile(chunkFile(path))).length / 1024;
    if (noModule) noModuleKb += kb;
    else scripts.push({ path, kb });
  }
  scripts.sort((a, b) => b.kb - a.kb);
  return { kb: scripts.reduce((sum, s) => sum + s.kb, 0), scripts, noModuleKb, status: response.status };
}

const chunkFile = (path: string) => join(NEXT_DIR, "static", path.slice("/_next/static/".length));

/** "72.7 KB react-markdown 60%, highlight.js 33%; …" for the largest scripts. */
async function largest(scripts: Script[], count = 4): Promise<string> {
  const named = await Promise.all(scripts.slice(0, count).map(async (s) => `${s.kb.toFixed(1)} KB ${await chunkName(chunkFile(s.path))}`));
  return named.join("; ");
}

/** A real run to open, so /r/[id] renders its page rather than the not-found page. */
async function createRun(base: string): Promise<string> {
  const response = await fetch(`${base}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ config: { layers: [{ agents: [{ model: "sim:falcon" }] }] }, messages: [{ role: "user", content: "Hello" }] }),
  });
  const body = (await response.json().catch(() => ({}))) as { id?: string };
  return body.id ?? "bench-example";
}

async function routes(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(NEXT_DIR, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  return Object.values(manifest);
}

export async function benchBundle(): Promise<Row[]> {
  const row = (config: string, measured: string, status: Row["status"], note = ""): Row => ({
    benchmark: "First-load JS (gzip)",
    config,
    measured,
    target: `≤ ${TARGET_KB} KB`,
    status,
    note,
  });
  if (!existsSync(join(NEXT_DIR, "BUILD_ID"))) {
    return ["/", "/r/[id]"].map((page) => row(page, "-", "skipped", "no .next build: run `npm run build` first"));
  }
  const buildId = (await readFile(join(NEXT_DIR, "BUILD_ID"), "utf8")).trim();
  const known = await routes();
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, MOA_STORE: "memory", NODE_ENV: "production" },
    stdio: "ignore",
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitUntilUp(`${base}/`, child, 60_000);
    const rows: Row[] = [];
    const runPath = `/r/${await createRun(base)}`;
    for (const [page, path] of [["/", "/"], ["/r/[id]", runPath]] as const) {
      if (!known.includes(page)) {
        rows.push(row(page, "n/a", "n/a", `route not in build ${buildId}`));
        continue;
      }
      const { kb, scripts, noModuleKb, status } = await firstLoad(`${base}${path}`);
      const legacy = noModuleKb > 0 ? `; + ${noModuleKb.toFixed(1)} KB nomodule polyfills, not counted` : "";
      const note = `build ${buildId}; HTTP ${status}${legacy}; largest: ${await largest(scripts)}`;
      rows.push(row(page, `${kb.toFixed(1)} KB (${scripts.length} scripts)`, kb <= TARGET_KB ? "PASS" : "MISS", note));
    }
    return rows;
  } catch (error) {
    return ["/", "/r/[id]"].map((page) => row(page, "-", "not measured", String(error instanceof Error ? error.message : error)));
  } finally {
    child.kill("SIGTERM");
  }
}
