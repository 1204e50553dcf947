import { describe, expect, it } from "vitest";
import type { RunEvent, RunEventBody } from "@/lib/moa/events";
import { completionMeta } from "@/lib/openai-compat/chunks";
import { awaitOutcome } from "@/lib/openai-compat/run-outcome";
import { chunkStream, createChunkMapper } from "@/lib/openai-compat/stream";

const usage = { inputTokens: 10, outputTokens: 5 };
const bodies: RunEventBody[] = [
  { type: "run-started", config: { layers: [{ agents: [{ model: "sim:a" }, { model: "sim:b" }] }, { agents: [{ model: "sim:c" }] }] }, messages: [{ role: "user", content: "q" }] },
  { type: "layer-started", layer: 0 },
  { type: "agent-started", layer: 0, agent: 0, model: "sim:a" },
  { type: "agent-started", layer: 0, agent: 1, model: "sim:b" },
  { type: "agent-delta", layer: 0, agent: 0, text: "proposal " },
  { type: "agent-finished", layer: 0, agent: 0, text: "proposal", usage, ttftMs: 1, durationMs: 2 },
  { type: "agent-failed", layer: 0, agent: 1, kind: "timeout", message: "too slow", retryable: true, partialText: "" },
  { type: "layer-finished", layer: 0, succeeded: 1, failed: 1, skipped: 0, durationMs: 3 },
  { type: "agent-started", layer: 1, agent: 0, model: "sim:c" },
  { type: "agent-delta", layer: 1, agent: 0, text: "Final " },
  { type: "agent-delta", layer: 1, agent: 0, text: "answer." },
  { type: "agent-finished", layer: 1, agent: 0, text: "Final answer.", usage, ttftMs: 1, durationMs: 2 },
  { type: "run-finished", text: "Final answer.", usage: { inputTokens: 30, outputTokens: 12 }, durationMs: 9 },
];
const events = bodies.map((body, seq) => ({ ...body, runId: "r", seq, t: seq }) as RunEvent);
const meta = completionMeta("r", "moa/test", 0);

function payloads(frames: string[]): unknown[] {
  return frames.flatMap((f) => f.split("\n\n").filter(Boolean)).map((f) => f.replace(/^data: /, "")).map((d) => (d === "[DONE]" ? d : JSON.parse(d)));
}

function mapAll(options: { includeUsage: boolean; intermediate: boolean }, list: RunEvent[] = events) {
  const map = createChunkMapper(meta, options);
  return payloads(list.flatMap((e) => map(e).frames)) as any[];
}

/** The same run with `finishReason` "length" on the agent-finished of `layer`. */
function cutAt(layer: number): RunEvent[] {
  return events.map((e) => (e.type === "agent-finished" && e.layer === layer ? { ...e, finishReason: "length" as const, maxOutputTokens: 5 } : e));
}

async function* iterate(list: RunEvent[]) {
  yield* list;
}

describe("a final answer cut by its token limit", () => {
  it("ends the stream with finish_reason length; a cut proposer does not", () => {
    const finishOf = (list: RunEvent[]) => mapAll({ includeUsage: false, intermediate: false }, list).find((c) => c !== "[DONE]" && c.choices[0]?.finish_reason)?.choices[0].finish_reason;
    expect(finishOf(cutAt(1))).toBe("length");
    expect(finishOf(cutAt(0))).toBe("stop");
    expect(finishOf(events)).toBe("stop");
  });

  it("is reported by the non-streaming outcome too", async () => {
    expect((await awaitOutcome("run", iterate(cutAt(1)))).finishReason).toBe("length");
    expect((await awaitOutcome("run", iterate(cutAt(0)))).finishReason).toBe("stop");
  });
});

describe("run events as chat.completion.chunk frames", () => {
  it("shows only the final layer's text, then stop, usage of the whole run and [DONE]", () => {
    const out = mapAll({ includeUsage: true, intermediate: false });
    expect(out.map((c) => (c === "[DONE]" ? c : c.choices[0]?.delta.content ?? c.choices[0]?.finish_reason ?? "usage"))).toEqual([
      "Final ",
      "answer.",
      "stop",
      "usage",
      "[DONE]",
    ]);
    expect(out[3].usage).toEqual({ prompt_tokens: 30, completion_tokens: 12, total_tokens: 42 });
  });

  it("reports the earlier layers as choices-less moa chunks when asked", () => {
    const progress = mapAll({ includeUsage: false, intermediate: true }).filter((c) => c.moa).map((c) => c.moa);
    expect(progress.every((p) => p.layer === 0)).toBe(true);
    expect(progress).toEqual([
      { type: "agent-started", layer: 0, agent: 0, model: "sim:a" },
      { type: "agent-started", layer: 0, agent: 1, model: "sim:b" },
      { type: "agent-delta", layer: 0, agent: 0, model: "sim:a", delta: "proposal " },
      { type: "agent-finished", layer: 0, agent: 0, model: "sim:a", usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } },
      { type: "agent-failed", layer: 0, agent: 1, model: "sim:b", error: "too slow" },
    ]);
  });

  it("ends a failed run with an OpenAI error object and no [DONE]", () => {
    const failed = [...events.slice(0, 10), { type: "run-failed", runId: "r", seq: 10, t: 10, message: "Layer 2: its only agent failed" } as RunEvent];
    const out = mapAll({ includeUsage: true, intermediate: false });
    const outFailed = payloads(failed.flatMap((e) => createChunkMapper(meta, { includeUsage: true, intermediate: false })(e).frames));
    expect(out.at(-1)).toBe("[DONE]");
    expect(outFailed).not.toContain("[DONE]");
    expect(outFailed.at(-1)).toEqual({
      error: { message: "The MoA run failed: Layer 2: its only agent failed", type: "server_error", param: null, code: "run_failed" },
    });
  });

  it("starts the HTTP stream with the assistant role before any event arrives", async () => {
    async function* never(): AsyncGenerator<RunEvent> {
      await new Promise(() => {});
    }
    const reader = chunkStream(never(), meta, { includeUsage: false, intermediate: false }).getReader();
    const first = payloads([new TextDecoder().decode((await reader.read()).value)]) as any[];
    expect(first[0].choices[0].delta).toEqual({ role: "assistant", content: "" });
    await reader.cancel();
  });
});
