import { describe, expect, it } from "vitest";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { findAnswerSpans } from "@/lib/moa/synthesis";
import { runMoA } from "@/lib/moa/engine";
import type { ChatMessage } from "@/lib/moa/conversation";
import { apiError, ask, collect, expectWellFormed, layers, ofType, promptOf, resolverFor, run, scriptedModel, textModel, usageV3 } from "./helpers";

describe("runMoA: the happy path", () => {
  it("runs two layers, feeds layer-1 answers to the aggregator and finishes with its text", async () => {
    const a = textModel(["Blue ", "light ", "scatters."], { usage: usageV3(10, 3) });
    const b = textModel(["Oxygen ", "is blue."], { usage: usageV3(12, 2) });
    const agg = textModel(["Rayleigh ", "scattering."], { usage: usageV3(40, 2) });
    const events = await run(layers(["sim:a", "sim:b"], ["sim:agg"]), ask("Why is the sky blue?"), {
      resolveModel: resolverFor({ "sim:a": a, "sim:b": b, "sim:agg": agg }),
    });

    expectWellFormed(events);
    expect(events.map((e) => e.type).filter((t) => t !== "agent-delta")).toEqual([
      "run-started",
      "layer-started",
      "agent-started",
      "agent-started",
      "agent-finished",
      "agent-finished",
      "layer-finished",
      "layer-started",
      "agent-started",
      "agent-finished",
      "layer-finished",
      "run-finished",
    ]);
    const finished = ofType(events, "run-finished")[0];
    expect(finished.text).toBe("Rayleigh scattering.");
    expect(finished.usage).toEqual({ inputTokens: 62, outputTokens: 7 });

    // Layer-1 agents see only the conversation; the aggregator sees both answers, numbered.
    expect(promptOf(a)).toEqual([{ role: "user", content: "Why is the sky blue?" }]);
    const [system, user] = promptOf(agg);
    expect(system.role).toBe("system");
    const spans = findAnswerSpans(system.content).map((s) => system.content.slice(s.start, s.end));
    expect(spans).toEqual(["Blue light scatters.", "Oxygen is blue."]);
    expect(user).toEqual({ role: "user", content: "Why is the sky blue?" });

    const state = events.reduce(reduceRun, initialRunState("run-1"));
    expect(state.status).toBe("finished");
    expect(state.finalText).toBe("Rayleigh scattering.");
    expect(state.agents.flat().map((ag) => ag.status)).toEqual(["done", "done", "done"]);
    expect(state.agents[0][0].text).toBe("Blue light scatters.");
  });

  it("passes temperature, maxTokens and the agent system prompt, and keeps multi-turn history", async () => {
    const proposer = textModel(["13"]);
    const agg = textModel(["17"]);
    const conversation: ChatMessage[] = [
      { role: "system", content: "Only digits." },
      { role: "user", content: "Name a prime." },
      { role: "assistant", content: "7" },
      { role: "user", content: "A bigger one?" },
    ];
    const config = {
      layers: [
        { agents: [{ model: "sim:p", temperature: 0.9, maxTokens: 64, system: "You love maths." }] },
        { agents: [{ model: "sim:agg" }], synthesisPrompt: "Pick wisely." },
      ],
    };
    const events = await run(config, conversation, { resolveModel: resolverFor({ "sim:p": proposer, "sim:agg": agg }) });
    expectWellFormed(events);

    const call = proposer.doStreamCalls[0];
    expect(call.temperature).toBe(0.9);
    expect(call.maxOutputTokens).toBe(64);
    expect(promptOf(proposer)).toEqual([
      { role: "system", content: "You love maths.\n\nOnly digits." },
      { role: "user", content: "Name a prime." },
      { role: "assistant", content: "7" },
      { role: "user", content: "A bigger one?" },
    ]);
    expect(agg.doStreamCalls[0].maxOutputTokens).toBe(2048);
    const aggPrompt = promptOf(agg);
    expect(aggPrompt.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(aggPrompt[0].content).toMatch(/^Only digits\.\n\nPick wisely\./);
    expect(aggPrompt[0].content).toMatch(/<(answer-[0-9a-f]{8}) n="1">\n13\n<\/\1>/);
  });

  it("starts the agents of a layer together: the layer takes as long as its slowest agent", async () => {
    const slow = (text: string) => textModel([text, "."], { initialDelayMs: 250, chunkDelayMs: 10 });
    const models = { "sim:a": slow("a"), "sim:b": slow("b"), "sim:c": slow("c"), "sim:d": slow("d"), "sim:agg": textModel(["ok"]) };
    const started = performance.now();
    const events = await run(layers(["sim:a", "sim:b", "sim:c", "sim:d"], ["sim:agg"]), ask("go"), { resolveModel: resolverFor(models) });
    const elapsed = performance.now() - started;
    expectWellFormed(events);
    // Sequentially this would take 4 × 260 ms.
    expect(elapsed).toBeLessThan(800);
    const layer1 = ofType(events, "layer-finished")[0];
    expect(layer1.durationMs).toBeGreaterThanOrEqual(250);
    expect(layer1.durationMs).toBeLessThan(700);
    // All four agent-started events precede any delta.
    const firstDelta = events.findIndex((e) => e.type === "agent-delta");
    expect(ofType(events.slice(0, firstDelta), "agent-started")).toHaveLength(4);
  });

  it("stamps t from deps.now and reports ttft and duration", async () => {
    let clock = 1000;
    const model = textModel(["x"], { initialDelayMs: 5 });
    const events = await collect(
      runMoA(layers(["sim:a"]), ask("hi"), {
        runId: "r",
        resolveModel: () => model,
        now: () => (clock += 2),
      }),
    );
    expectWellFormed(events);
    expect(events[0].t).toBe(2);
    expect(events.every((e, i) => i === 0 || e.t > events[i - 1].t)).toBe(true);
    const finished = ofType(events, "agent-finished")[0];
    expect(finished.ttftMs).toBeGreaterThan(0);
    expect(finished.durationMs).toBeGreaterThanOrEqual(finished.ttftMs);
    expect(events.every((e) => e.runId === "r")).toBe(true);
  });

  it("streams deltas in order so the reducer rebuilds each agent's text", async () => {
    const chunks = ["The ", "quick ", "brown ", "fox"];
    const events = await run(layers(["sim:a"]), ask("hi"), { resolveModel: () => textModel(chunks, { chunkDelayMs: 1 }) });
    expect(ofType(events, "agent-delta").map((e) => e.text)).toEqual(chunks);
    const state = events.reduce(reduceRun, initialRunState("run-1"));
    expect(state.finalText).toBe("The quick brown fox");
  });
});

describe("runMoA: failing agents", () => {
  it("goes on with the answers that arrived and numbers only those", async () => {
    const ok = textModel(["good answer"]);
    const broken = scriptedModel([apiError(500)]);
    const noKey = scriptedModel([apiError(401)]);
    const empty = textModel([""]);
    const agg = textModel(["final"]);
    const events = await run(layers(["sim:ok", "sim:broken", "openai:gpt", "sim:empty"], ["sim:agg"]), ask("q"), {
      resolveModel: resolverFor({ "sim:ok": ok, "sim:broken": broken, "openai:gpt": noKey, "sim:empty": empty, "sim:agg": agg }),
    });
    expectWellFormed(events);

    const failed = ofType(events, "agent-failed");
    expect(failed.map((f) => [f.agent, f.kind])).toEqual(
      expect.arrayContaining([
        [1, "server_error"],
        [2, "auth"],
        [3, "empty"],
      ]),
    );
    expect(failed.find((f) => f.agent === 1)?.message).toMatch(/500.*after 3 attempts/);
    expect(failed.find((f) => f.agent === 2)?.message).toBe("openai rejected the API key (401)");
    // 500 is retried twice, 401 never.
    expect(broken.doStreamCalls).toHaveLength(3);
    expect(noKey.doStreamCalls).toHaveLength(1);
    expect(ofType(events, "agent-retry").map((r) => [r.agent, r.attempt])).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(JSON.stringify(events)).not.toContain("sk-should-never-leak");

    expect(ofType(events, "layer-finished")[0]).toMatchObject({ succeeded: 1, failed: 3, skipped: 0 });
    const system = promptOf(agg)[0].content;
    expect(findAnswerSpans(system).map((s) => system.slice(s.start, s.end))).toEqual(["good answer"]);
    expect(ofType(events, "run-finished")[0].text).toBe("final");
  });

  it("fails the run, naming the layer and the first failure, when every agent of a layer fails", async () => {
    const agg = textModel(["never"]);
    const events = await run(layers(["sim:x", "sim:y"], ["sim:agg"]), ask("q"), {
      resolveModel: resolverFor({ "sim:x": scriptedModel([apiError(400, { message: "bad temperature" })]), "sim:agg": agg }),
    });
    expectWellFormed(events);
    const failed = ofType(events, "run-failed")[0];
    expect(failed.message).toMatch(/^Layer 1: all 2 agents failed \(first: /);
    expect(ofType(events, "agent-failed").map((f) => f.kind).sort()).toEqual(["bad_request", "unknown_model"]);
    expect(ofType(events, "agent-failed").find((f) => f.kind === "unknown_model")?.message).toBe("no provider is configured for sim:y");
    expect(agg.doStreamCalls).toHaveLength(0);
    const state = events.reduce(reduceRun, initialRunState("run-1"));
    expect(state.status).toBe("failed");
    expect(state.error).toBe(failed.message);
  });
});
