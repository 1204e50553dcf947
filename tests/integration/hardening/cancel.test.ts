/**
 * Stop means stop paying: cancelling a run through the API closes every upstream request it
 * has open (streaming or still waiting for a first byte) within 500 ms, and the run is stored
 * as cancelled with the text its agents had streamed so far.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { startFakeOpenAI, type FakeOpenAI } from "../../fixtures/fake-openai-server";
import { waitFor } from "./moa-harness";

const SLOW_TEXT = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({
    models: {
      "slow-a": { ttftMs: 5, tokensPerSecond: 8, text: SLOW_TEXT },
      "slow-b": { ttftMs: 5, tokensPerSecond: 8, text: SLOW_TEXT },
      waiting: { hangBeforeFirstByte: true },
    },
  });
  vi.stubEnv("MOA_STORE", "memory");
  vi.stubEnv("OPENAI_COMPATIBLE_BASE_URL", fake.baseUrl);
  vi.stubEnv("MOA_ACCESS_TOKEN", "");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

const OWNER = "cancel-test-owner-".padEnd(43, "x");

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function startThroughApi(): Promise<string> {
  const { POST } = await import("@/app/api/runs/route");
  const body = {
    config: {
      layers: [{ agents: [{ model: "compat:slow-a" }, { model: "compat:slow-b" }, { model: "compat:waiting" }] }, { agents: [{ model: "compat:aggregator" }] }],
    },
    messages: [{ role: "user", content: "Stream slowly, please." }],
    owner: OWNER,
  };
  const response = await POST(new Request("http://test/api/runs", { method: "POST", body: JSON.stringify(body) }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe("cancelling a run", () => {
  it("closes every upstream request within 500 ms and stores the run as cancelled with its partial text", async () => {
    const { getRunStore } = await import("@/lib/runs/store");
    const { openEventStream } = await import("@/lib/runs/run-manager");
    const id = await startThroughApi();

    // Watch live until both streaming agents have sent a few words and the third is waiting upstream.
    const seen: RunEvent[] = [];
    const watching = new AbortController();
    const live = await openEventStream(id, -1, watching.signal);
    for await (const event of live) {
      seen.push(event);
      const words = (agent: number) => seen.filter((e) => e.type === "agent-delta" && e.agent === agent).length;
      if (words(0) >= 3 && words(1) >= 3) break;
    }
    watching.abort();
    await waitFor(() => fake.requests.filter((r) => r.model !== undefined).length === 3);
    expect(fake.openConnections()).toBe(3);

    const { POST: cancel } = await import("@/app/api/runs/[id]/cancel/route");
    const cancelledAt = Date.now();
    const response = await cancel(new Request(`http://test/api/runs/${id}/cancel`, { method: "POST", headers: { "x-moa-owner": OWNER } }), params(id));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "cancelled" });

    await waitFor(() => fake.openConnections() === 0, 500);
    const upstream = fake.requests.filter((r) => r.model !== undefined);
    expect(upstream.map((r) => r.model).sort()).toEqual(["slow-a", "slow-b", "waiting"]);
    for (const request of upstream) {
      expect(request.closedByClient, `${request.model} was not aborted`).toBe(true);
      expect(request.closedAt! - cancelledAt, `${request.model} closed late`).toBeLessThanOrEqual(500);
    }
    // Nothing after the cancel: the aggregator was never asked.
    expect(fake.requests.some((r) => r.model === "aggregator")).toBe(false);

    const store = await getRunStore();
    let stored = await store.getRun(id);
    for (let i = 0; i < 50 && stored?.status !== "cancelled"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      stored = await store.getRun(id);
    }
    expect(stored?.status).toBe("cancelled");
    expect(stored?.error).toBe("cancelled by user");

    const events = await store.getEvents(id);
    expect(events.at(-1)).toMatchObject({ type: "run-cancelled", reason: "cancelled by user" });
    const state = events.reduce(reduceRun, initialRunState(id));
    for (const agent of [0, 1]) {
      const partial = state.agents[0][agent];
      expect(partial.status).toBe("stopped");
      expect(partial.text.split(" ").length).toBeGreaterThanOrEqual(3);
      expect(SLOW_TEXT.startsWith(partial.text)).toBe(true);
      expect(partial.text.length).toBeLessThan(SLOW_TEXT.length);
    }
    expect(state.agents[0][2]).toMatchObject({ status: "stopped", text: "" });

    // A second cancel finds nothing to stop.
    const again = await cancel(new Request(`http://test/api/runs/${id}/cancel`, { method: "POST", headers: { "x-moa-owner": OWNER } }), params(id));
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/already ended \(cancelled\)/);
  });
});
