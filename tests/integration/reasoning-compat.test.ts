import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMoA } from "@/lib/moa/engine";
import type { RunEvent } from "@/lib/moa/events";
import { createModelResolver } from "@/lib/providers/registry";
import { startFakeOpenAI, type FakeOpenAI } from "../fixtures/fake-openai-server";

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({
    models: {
      "deep-r1": { ttftMs: 5, tokensPerSecond: 2000, reasoning: "The user asks about tides. The Moon pulls the oceans.", text: "The Moon's gravity." },
      plain: { ttftMs: 5, tokensPerSecond: 2000, text: "Gravity of the Moon and Sun." },
    },
  });
});

afterAll(async () => {
  await fake.close();
});

describe("a DeepSeek-style reasoning model behind an OpenAI-compatible server", () => {
  it("streams reasoning_content into the reasoning lane, sends the effort and counts reasoning tokens", async () => {
    const resolveModel = createModelResolver({ env: { OPENAI_COMPATIBLE_BASE_URL: fake.baseUrl } });
    const events: RunEvent[] = [];
    const config = {
      layers: [
        { agents: [{ model: "compat:deep-r1", reasoningEffort: "high" as const }, { model: "compat:plain" }] },
        { agents: [{ model: "sim:owl" }], readReasoning: true },
      ],
    };
    for await (const e of runMoA(config, [{ role: "user", content: "Why are there tides?" }], { runId: "r", resolveModel })) events.push(e);

    expect(events.at(-1)?.type).toBe("run-finished");
    const thoughts = events.flatMap((e) => (e.type === "agent-reasoning-delta" ? [e.text] : [])).join("");
    expect(thoughts).toBe("The user asks about tides. The Moon pulls the oceans.");
    const r1 = events.find((e) => e.type === "agent-finished" && e.layer === 0 && e.agent === 0);
    expect(r1).toMatchObject({ text: "The Moon's gravity.", reasoning: thoughts, usage: { outputTokens: 13, reasoningTokens: 10 } });
    expect(fake.requests.find((r) => r.model === "deep-r1")?.body?.reasoning_effort).toBe("high");
    expect(fake.requests.find((r) => r.model === "plain")?.body?.reasoning_effort).toBeUndefined();
  });
});
