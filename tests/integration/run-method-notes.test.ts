/**
 * GET /api/runs/{id} tells an API client what the UI shows: an answer cut by its token limit,
 * and a final answer written from only the fastest answers.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { MethodNote } from "@/lib/moa/method-notes";
import type { RunState } from "@/lib/moa/run-state";

beforeAll(() => {
  vi.stubEnv("MOA_STORE", "memory");
  vi.stubEnv("MOA_ACCESS_TOKEN", "");
  vi.stubEnv("MOA_RATE_LIMIT_PER_MIN", "0");
  vi.stubEnv("MOA_MAX_CONCURRENT_RUNS", "0");
});

afterAll(() => vi.unstubAllEnvs());

describe("GET /api/runs/{id}", () => {
  it("reports the truncated final answer and the quorum that dropped a straggler", async () => {
    const { POST } = await import("@/app/api/runs/route");
    const { GET } = await import("@/app/api/runs/[id]/route");
    const config = {
      layers: [
        { agents: [{ model: "sim:falcon?ttft=0&tps=2000" }, { model: "sim:sloth" }], policy: { kind: "quorum", k: 1 } },
        { agents: [{ model: "sim:owl?ttft=0&tps=2000", maxTokens: 5 }] },
      ],
    };
    const posted = await POST(new Request("http://test/api/runs", { method: "POST", body: JSON.stringify({ config, messages: [{ role: "user", content: "Why is the sky blue?" }] }) }));
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: string };

    const read = async () => (await (await GET(new Request(`http://test/api/runs/${id}`), { params: Promise.resolve({ id }) })).json()) as { run: RunState; notes: MethodNote[] };
    let body = await read();
    for (let i = 0; i < 200 && (body.run.status === "running" || body.run.status === "pending"); i++) {
      await new Promise((r) => setTimeout(r, 25));
      body = await read();
    }
    expect(body.run.status).toBe("finished");
    expect(body.run.agents[1][0]).toMatchObject({ finishReason: "length", truncatedAt: 5 });
    expect(body.notes.map((n) => [n.kind, n.label])).toEqual([
      ["quorum", "final answer written from the fastest 1 of 2 answers"],
      ["truncated", "truncated at 5 tokens"],
    ]);
  });
});
