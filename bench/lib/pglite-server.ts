import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitUntilUp } from "./next-server";

export interface BuiltServer {
  base: string;
  child: ChildProcess;
  /** Resident memory of the server process now, in MB (from /proc). */
  rssMb(): number;
  /** CPU time the server process has used so far, in seconds (user + system, from /proc). */
  cpuSeconds(): number;
  /** Kills the server; its data folder goes too unless `keepData`. */
  stop(keepData?: boolean): Promise<void>;
  dataDir: string;
}

export function buildMissing(): string | undefined {
  return existsSync(join(process.cwd(), ".next", "BUILD_ID")) ? undefined : "no production build: run `npm run build` first";
}

/**
 * `next start` of the repo's build as a user runs it: the embedded PGlite database in a fresh
 * folder, no rate limits (the bench is one client), on BENCH_PORT or a free port.
 */
export async function startPgliteServer(env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<BuiltServer> {
  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "moa-bench-")));
  const { DATABASE_URL: _shared, MOA_STORE: _store, ...inherited } = process.env;
  // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under the bench's load.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, join(process.cwd(), "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: process.cwd(),
    env: {
      ...inherited,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      MOA_DATA_DIR: dataDir,
      MOA_RATE_LIMIT_PER_MIN: "0",
      MOA_MAX_CONCURRENT_RUNS: "0",
      ...env,
    },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (keepData = false) => {
    // A profiled server writes its profile only when it exits by itself.
    if (child.exitCode === null) child.kill(nodeArgs.length > 0 ? "SIGTERM" : "SIGKILL");
    await exited;
    if (!keepData) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(`${base}/api/models`, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const rssMb = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  };
  const cpuSeconds = () => {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  return { base, child, rssMb, cpuSeconds, stop, dataDir };
}

/** A simulated 3×6 MoA board, the paper's set-up. */
export function simBoard3x6(query = "") {
  const six = ["falcon", "heron", "otter", "lynx", "badger", "orca"].map((m) => ({ model: `sim:${m}${query}` }));
  return { layers: [{ agents: six }, { agents: six }, { agents: [{ model: `sim:owl${query}` }] }] };
}

/** One owner for all of a bench's runs, so one history request tells how many have ended. */
export const BENCH_OWNER = "bench-owner-secret-0123456789abcdef0123456789";

export async function postRun(base: string, config: unknown, prompt: string): Promise<{ status: number; id?: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${base}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ config, messages: [{ role: "user", content: prompt }], owner: BENCH_OWNER }),
  });
  const body = (await response.json().catch(() => ({}))) as { id?: string };
  return { status: response.status, id: body.id, ms: performance.now() - started };
}

/** Polls until the run has ended; returns its status. */
export async function waitForEnd(base: string, id: string, timeoutMs = 300_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = (await (await fetch(`${base}/api/runs/${id}`)).json()) as { run?: { status: string } };
    const status = state.run?.status ?? "unknown";
    if (status !== "pending" && status !== "running") return status;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return "timed out";
}

/** The statuses of the bench owner's newest `count` runs, from the history list (50 a page). */
async function ownerStatuses(base: string, count: number): Promise<string[]> {
  const statuses: string[] = [];
  let before: string | null = null;
  while (statuses.length < count) {
    const query: string = `limit=${Math.min(50, count - statuses.length)}${before ? `&before=${encodeURIComponent(before)}` : ""}`;
    const response = await fetch(`${base}/api/runs?${query}`, { headers: { "x-moa-owner": BENCH_OWNER } });
    const page = (await response.json()) as { runs: { status: string }[]; nextBefore: string | null };
    statuses.push(...page.runs.map((r) => r.status));
    if (!page.nextBefore) break;
    before = page.nextBefore;
  }
  return statuses;
}

/** Waits until none of the bench owner's newest `count` runs is open; returns how many finished. */
export async function waitForAllEnded(base: string, count: number, timeoutMs = 600_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = await ownerStatuses(base, count);
    const open = statuses.filter((s) => s === "pending" || s === "running").length;
    if (open === 0 || Date.now() > deadline) return statuses.filter((s) => s === "finished").length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
