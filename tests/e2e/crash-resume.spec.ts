import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readStream, type StreamedEvent } from "../integration/scale/cluster";

/**
 * kill -9 of a real `next start` while a viewer streams a run. The viewer holds events the
 * event buffer had not stored yet; after the restart, resuming with its Last-Event-ID must end
 * with a terminal event numbered above everything it holds, and no seq it holds may come back
 * meaning another event.
 */

// This spec starts its own server (it has to kill it): E2E_PORT + 1, inside the port range of the run.
const PORT = Number(process.env.E2E_PORT ?? 3123) + 1;
const BASE = `http://127.0.0.1:${PORT}`;

function startServer(dataDir: string): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: process.cwd(),
    // Its own process group, so the kill reaches any worker it forks.
    detached: true,
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", MOA_DATA_DIR: dataDir, MOA_SIM_SPEED: "1", MOA_STORE: "", DATABASE_URL: "" },
  });
}

async function waitReady(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(`${BASE}/api/models`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${BASE} did not start`);
}

function killHard(server: ChildProcess | undefined): void {
  if (!server?.pid || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, "SIGKILL");
  } catch {
    server.kill("SIGKILL");
  }
}

const TERMINAL = ["run-finished", "run-failed", "run-cancelled", "run-interrupted"];
/** What an event means, whatever order its fields come in (the store keeps JSON as jsonb). */
function meaning(e: StreamedEvent): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
        : value;
  return JSON.stringify(canonical(e.raw));
}

// One quick proposer finishes (its tokens must count after the crash); three long ones keep streaming.
const CONFIG = {
  layers: [
    {
      agents: [
        { model: "sim:falcon?ttft=10&tps=200&tokens=30" },
        { model: "sim:heron?ttft=10&tps=150&tokens=5000" },
        { model: "sim:otter?ttft=10&tps=150&tokens=5000" },
        { model: "sim:lynx?ttft=10&tps=150&tokens=5000" },
      ],
    },
    { agents: [{ model: "sim:owl" }] },
  ],
};
// Past the first block of reserved seqs (1024), so the mark has been moved while streaming.
const KILL_AFTER_SEQ = 1_300;

test("a viewer resuming after kill -9 gets a terminal event above every seq it saw, and no seq changes meaning", async () => {
  test.setTimeout(150_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "moa-crash-"));
  let server: ChildProcess | undefined = startServer(dataDir);
  try {
    await waitReady();
    const started = await fetch(`${BASE}/api/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ config: CONFIG, messages: [{ role: "user", content: "Why do lighthouses use Fresnel lenses?" }] }),
    });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };

    const seen = new Map<number, StreamedEvent>();
    const viewer = await readStream(`${BASE}/api/runs/${id}/events`, {
      onEvent(event) {
        seen.set(event.seq, event);
        if (event.seq >= KILL_AFTER_SEQ) killHard(server);
      },
    });
    expect(viewer.error, "the stream should break when the server dies").toBeDefined();
    await new Promise((r) => (server?.exitCode !== null ? r(null) : server.once("exit", r)));
    const lastSeen = Math.max(...seen.keys());
    expect(lastSeen).toBeGreaterThanOrEqual(KILL_AFTER_SEQ);
    expect([...seen.values()].some((e) => TERMINAL.includes(e.type))).toBe(false);

    server = startServer(dataDir);
    await waitReady();

    // The browser's EventSource reconnects with the last id it had.
    const resumed = await readStream(`${BASE}/api/runs/${id}/events`, { lastEventId: lastSeen });
    expect(resumed.status).toBe(200);
    expect(resumed.events.length).toBeGreaterThan(0);
    expect(resumed.events.every((e) => e.seq > lastSeen)).toBe(true);
    expect(resumed.events.at(-1)?.type).toBe("run-interrupted");

    // Read from the start: every seq the viewer held is absent or means exactly what it meant.
    const full = await readStream(`${BASE}/api/runs/${id}/events`);
    const changed = full.events.filter((e) => seen.has(e.seq) && meaning(seen.get(e.seq)!) !== meaning(e));
    expect(changed.map((e) => e.seq)).toEqual([]);
    expect(full.events.at(-1)?.seq).toBe(resumed.events.at(-1)?.seq);
    // Whether the crash left the store behind the viewer (the case this is about) depends on where in a flush it fell.
    const storedEnd = full.events.at(-2)?.seq ?? -1;
    test.info().annotations.push({ type: "crash", description: `viewer saw seq ${lastSeen}, store ended at ${storedEnd}, marker ${full.events.at(-1)?.seq}` });

    // The run's state: interrupted, paid tokens kept, nothing left running.
    const state = (await (await fetch(`${BASE}/api/runs/${id}`)).json()) as {
      run: { status: string; usage: { outputTokens: number }; layers: { status: string }[] };
    };
    expect(state.run.status).toBe("interrupted");
    expect(state.run.usage.outputTokens).toBeGreaterThan(0);
    expect(state.run.layers.map((l) => l.status)).not.toContain("running");
  } finally {
    killHard(server);
    await rm(dataDir, { recursive: true, force: true });
  }
});
