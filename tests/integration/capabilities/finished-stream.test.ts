/**
 * A finished run's event stream tells a reconnecting viewer that there is nothing more: once
 * the terminal event was delivered (Last-Event-ID at or past it) the answer is 204, the status
 * on which a standard EventSource stops reconnecting (a 200 with `retry:` had it reconnect every
 * second, forever). Earlier resume points still get the rest of the run.
 */
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_STORE = "memory";
  delete process.env.MOA_ACCESS_TOKEN;
  delete process.env.MOA_SIM_SPEED;
});

import { GET as eventsRoute } from "@/app/api/runs/[id]/events/route";
import { POST as startRoute } from "@/app/api/runs/route";
import { followRun } from "@/lib/runs/follow";
import { registry } from "@/lib/runs/process/registry";
import { readSse } from "../hardening/sse-reader";

const PROMPT = [{ role: "user", content: "Why is the sky blue?" }];

afterAll(async () => {
  for (const live of registry.liveRuns.values()) live.controller.abort("test over");
  await Promise.all(registry.executions.values());
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function start(model: string): Promise<string> {
  const body = { config: { layers: [{ agents: [{ model }] }] }, messages: PROMPT };
  const response = await startRoute(new Request("http://moa.test/api/runs", { method: "POST", body: JSON.stringify(body) }));
  return ((await response.json()) as { id: string }).id;
}

function events(id: string, lastEventId?: number): Promise<Response> {
  const headers: Record<string, string> = lastEventId === undefined ? {} : { "last-event-id": String(lastEventId) };
  return eventsRoute(new Request(`http://moa.test/api/runs/${id}/events`, { headers }), params(id));
}

describe("GET /api/runs/{id}/events of a finished run", () => {
  it("answers 204 to a viewer that has the terminal event, in memory and from the store", async () => {
    const id = await start("sim:falcon?tps=2000&ttft=5");
    await followRun(id, new AbortController().signal);
    await Promise.all(registry.executions.values());
    const all = await readSse(await events(id));
    const terminal = all.events.at(-1)!;
    expect(terminal.type).toBe("run-finished");

    // Still kept in memory for late viewers.
    expect(registry.liveRuns.has(id)).toBe(true);
    const inMemory = await events(id, terminal.seq);
    expect(inMemory.status).toBe(204);
    expect(await inMemory.text()).toBe("");
    expect((await events(id, terminal.seq + 5)).status).toBe(204);

    // Read from the store once the process has let go of it.
    registry.liveRuns.delete(id);
    expect((await events(id, terminal.seq)).status).toBe(204);
    const rest = await readSse(await events(id, terminal.seq - 1));
    expect(rest.events.map((e) => e.seq)).toEqual([terminal.seq]);
    expect((await readSse(await events(id))).events).toHaveLength(all.events.length);
  });

  it("keeps streaming a run that has not ended, whatever the resume point", async () => {
    const id = await start("sim:sloth?tps=2&ttft=5");
    const response = await events(id, 0);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    await response.body?.cancel();
    registry.liveRuns.get(id)?.controller.abort("test over");
  });
});
