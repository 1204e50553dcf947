import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { createParser } from "eventsource-parser";
import { Client } from "pg";

/**
 * Real `next start` instances sharing one PostgreSQL database, for the scale tests and the
 * fan-out benchmark. Uses no `@/` imports so that `node --experimental-strip-types` can run it.
 */

/** The built app to start: MOA_SCALE_APP_DIR (a separate checkout with its own .next), else this one. */
export const appDir = process.env.MOA_SCALE_APP_DIR ?? process.cwd();
export const serverUrl = process.env.TEST_DATABASE_URL;

/** Why the cluster cannot run here, or undefined when it can. */
export function clusterSkipReason(): string | undefined {
  if (!serverUrl) return "set TEST_DATABASE_URL (eval \"$(bash scripts/start-test-postgres.sh)\")";
  if (!existsSync(path.join(appDir, ".next", "BUILD_ID"))) return `no production build in ${appDir}/.next: run \`npm run build\` first`;
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function admin(query: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the test server; `drop` removes it. */
export async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `moa_scale_${randomBytes(5).toString("hex")}`;
  await admin(`create database ${name}`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export interface Instance {
  name: string;
  url: string;
  process: ChildProcess;
  /** Everything the server printed, for assertions and for failure messages. */
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): void;
}

export async function startInstance(name: string, databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  // An instance of a cluster keeps its runs in the shared database, whatever store the caller's process uses (the bench's capacity row sets memory).
  const { MOA_STORE: _callersStore, ...inherited } = process.env;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: appDir,
    env: {
      ...inherited,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      MOA_INSTANCE_ID: name,
      MOA_SIM_SPEED: "4",
      MOA_RATE_LIMIT_PER_MIN: "1000",
      MOA_RATE_LIMIT_BURST: "500",
      MOA_MAX_CONCURRENT_RUNS: "50",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const instance: Instance = {
    name,
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => log,
    exited,
    kill: (signal = "SIGKILL") => void child.kill(signal),
  };
  const deadline = Date.now() + 60_000;
  let ready = false;
  while (!ready && Date.now() < deadline && child.exitCode === null) {
    ready = await fetch(`${instance.url}/api/health`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!ready) {
    child.kill("SIGKILL");
    throw new Error(`instance ${name} did not become healthy:\n${log}`);
  }
  return instance;
}

/** A simulated MoA board: `layers` layers of `width` proposers, then one aggregator. */
export function simBoard(layers: number, width: number) {
  const models = ["sim:falcon", "sim:heron", "sim:otter", "sim:lynx", "sim:badger", "sim:orca"];
  const proposers = Array.from({ length: width }, (_, i) => ({ model: models[i % models.length] }));
  return {
    layers: [...Array.from({ length: layers - 1 }, () => ({ agents: proposers })), { agents: [{ model: "sim:owl" }] }],
  };
}

/** Every run the cluster tests start belongs to this owner: only it may cancel them. */
export const CLUSTER_OWNER = "cluster-test-owner-".padEnd(43, "x");

export async function startRunOn(instance: Instance, config: unknown, prompt = "Why is the sky blue?"): Promise<string> {
  const response = await fetch(`${instance.url}/api/runs`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ config, messages: [{ role: "user", content: prompt }], owner: CLUSTER_OWNER }),
  });
  if (response.status !== 201) throw new Error(`POST /api/runs on ${instance.name}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

export interface StreamedEvent {
  seq: number;
  type: string;
  /** performance.now() when this event was parsed. */
  at: number;
  raw: Record<string, unknown>;
}

export interface StreamRead {
  status: number;
  /** performance.now() when the response headers arrived. */
  connectedAt: number;
  events: StreamedEvent[];
  /** Set when the connection broke before the stream ended (server killed, …). */
  error?: unknown;
}

/**
 * Reads a run's SSE stream until it ends, breaks, or `signal` aborts; never throws for a
 * broken connection (a killed instance is part of what the tests do).
 */
export async function readStream(
  url: string,
  options: { lastEventId?: number; signal?: AbortSignal; onEvent?: (event: StreamedEvent) => void } = {},
): Promise<StreamRead> {
  const events: StreamedEvent[] = [];
  let response: Response;
  try {
    response = await fetch(url, {
      headers: options.lastEventId === undefined ? {} : { "Last-Event-ID": String(options.lastEventId) },
      signal: options.signal,
    });
  } catch (error) {
    return { status: 0, connectedAt: NaN, events, error };
  }
  const connectedAt = performance.now();
  if (!response.ok || !response.body) return { status: response.status, connectedAt, events };
  const parser = createParser({
    onEvent(message) {
      const raw = JSON.parse(message.data) as Record<string, unknown>;
      const event = { seq: Number(raw.seq), type: String(raw.type), at: performance.now(), raw };
      events.push(event);
      options.onEvent?.(event);
    },
  });
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    return { status: response.status, connectedAt, events, error };
  }
  return { status: response.status, connectedAt, events };
}
