import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { OWNER_HEADER } from "@/lib/wire/owner";
import { type AppServer, buildMissing, killGroup, startAppServer } from "../experiments/app-server";

/**
 * `next start` with MOA_ENGINE_THREAD=1, over HTTP: runs stream, stop and step through as they do
 * with the engine on the event loop. Needs the build `npm run build` makes (test-all builds first).
 */
const missing = buildMissing();
const OWNER = "engine-thread-owner-0123456789abcdef0123456789";
let server: AppServer;
let dataDir: string;

beforeAll(async () => {
  if (missing) return;
  dataDir = mkdtempSync(path.join(tmpdir(), "moa-engine-thread-app-"));
  server = await startAppServer(3391, { MOA_ENGINE_THREAD: "1", MOA_DATA_DIR: dataDir, MOA_SIM_SPEED: "20" });
}, 120_000);

afterAll(async () => {
  if (!server) return;
  killGroup(server.child, "SIGKILL");
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(layers: unknown[], extra: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${server.base}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ config: { layers }, messages: [{ role: "user", content: "Why is the sky blue?" }], owner: OWNER, ...extra }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The run's events as its SSE stream sends them, until the stream ends. */
async function events(id: string): Promise<Array<{ type: string; seq: number; layer?: number }>> {
  const text = await (await fetch(`${server.base}/api/runs/${id}/events`)).text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("data: "))
    .map((line) => JSON.parse(line.slice(6)));
}

async function state(id: string): Promise<{ status: string; pausedBefore?: number }> {
  return ((await (await fetch(`${server.base}/api/runs/${id}`)).json()) as { run: { status: string; pausedBefore?: number } }).run;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(Boolean(missing))("next start with MOA_ENGINE_THREAD=1", () => {
  test("a run streams from the engine thread to a viewer, gap-free, and is stored as finished", async () => {
    const id = await start([{ agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] }, { agents: [{ model: "sim:owl" }] }]);
    const seen = await events(id);
    expect(seen.at(-1)?.type).toBe("run-finished");
    expect(seen.map((event) => event.seq)).toEqual(seen.map((_, i) => i));
    expect(seen.filter((event) => event.type === "agent-finished")).toHaveLength(3);
    await waitUntil(async () => (await state(id)).status === "finished");
    expect(server.log()).toContain("runs execute on the engine thread");
  });

  test("the owner's cancel reaches the thread and ends the run as cancelled", async () => {
    const id = await start([{ agents: [{ model: "sim:falcon?tps=2" }] }, { agents: [{ model: "sim:owl" }] }]);
    await waitUntil(async () => (await state(id)).status === "running");
    const cancel = await fetch(`${server.base}/api/runs/${id}/cancel`, { method: "POST", headers: { [OWNER_HEADER]: OWNER } });
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toEqual({ status: "cancelled" });
    expect((await events(id)).at(-1)?.type).toBe("run-cancelled");
  });

  test("step-through: the run waits on the thread before layer 1 until the owner continues", async () => {
    const id = await start([{ agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] }, { agents: [{ model: "sim:owl" }] }], { stepThrough: true });
    await waitUntil(async () => (await state(id)).pausedBefore === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await state(id)).pausedBefore).toBe(1);
    const next = await fetch(`${server.base}/api/runs/${id}/continue`, { method: "POST", headers: { [OWNER_HEADER]: OWNER } });
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual({ layer: 1 });
    await waitUntil(async () => (await state(id)).status === "finished");
  });
});
