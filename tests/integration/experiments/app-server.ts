import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { OWNER_HEADER } from "@/lib/wire/owner";

/** A real `next start` of this checkout's build on PGlite, in its own process group so kill -9 reaches all of it. */
export interface AppServer {
  base: string;
  child: ChildProcess;
  log(): string;
  exited: Promise<number | string>;
}

export function buildMissing(): string | undefined {
  return existsSync(path.join(process.cwd(), ".next", "BUILD_ID")) ? undefined : "no production build: run `npm run build` first";
}

/**
 * Refuses a port something already listens on. Otherwise the new server fails to bind, but the
 * old one answers the health check, and the test talks to a server with another data folder.
 * (A server left by an interrupted test run did exactly that: an experiment "finished" and the
 * test's own folder held none of it.)
 */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${port} is already in use, maybe by a server an interrupted test run left behind (see: ss -ltnp | grep :${port})`)
          : error,
      ),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export async function startAppServer(port: number, env: Record<string, string>): Promise<AppServer> {
  await assertPortFree(port);
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: process.cwd(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", MOA_STORE: "", DATABASE_URL: "", ...env },
  });
  let log = "";
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { base, child, log: () => log, exited };
    await new Promise((r) => setTimeout(r, 250));
  }
  killGroup(child, "SIGKILL");
  throw new Error(`next start on ${port} did not become healthy:\n${log}`);
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export interface Summary {
  status: string;
  done: number;
  total: number;
  running: number;
  costUsd: number;
  etaMs: number | null;
}

export async function readSummary(base: string, id: string): Promise<Summary> {
  const response = await fetch(`${base}/api/experiments/${id}`);
  if (!response.ok) throw new Error(`GET /api/experiments/${id}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { experiment: Summary }).experiment;
}

/** Polls until `until` holds, or throws after `timeoutMs` with the last summary. */
export async function waitForSummary(base: string, id: string, until: (s: Summary) => boolean, timeoutMs: number): Promise<Summary> {
  const deadline = Date.now() + timeoutMs;
  let last: Summary | undefined;
  while (Date.now() < deadline) {
    last = await readSummary(base, id).catch(() => last);
    if (last && until(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the experiment did not get there in ${timeoutMs / 1000} s; last: ${JSON.stringify(last)}`);
}

export async function postExperiment(base: string, plan: unknown, owner: string): Promise<{ id: string; total: number }> {
  const response = await fetch(`${base}/api/experiments`, {
    method: "POST",
    headers: { "content-type": "application/json", [OWNER_HEADER]: owner },
    body: JSON.stringify({ plan, owner }),
  });
  if (response.status !== 201) throw new Error(`POST /api/experiments: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; total: number };
}
