import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_STORE = "memory";
  process.env.MOA_SIM_SPEED = "20";
  delete process.env.MOA_ACCESS_TOKEN;
});

import { POST } from "@/app/api/v1/chat/completions/route";
import { getRunState } from "@/lib/runs/run-manager";
import { getConfigStore } from "@/lib/configs/store";
import { contentOf, readChunks } from "./chunks";

const prompt = [{ role: "user", content: "Why is the sky blue?" }];

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request("http://moa.test/api/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

afterEach(() => {
  delete process.env.MOA_ACCESS_TOKEN;
});

describe("POST /api/v1/chat/completions, not streamed", () => {
  it("answers with the final aggregator's text, the whole run's usage and a share link", async () => {
    const response = await post({ model: "moa/moa-lite", messages: prompt, temperature: 0.3, user: "ignored" });
    expect(response.status).toBe(200);
    const runId = response.headers.get("x-moa-run-id")!;
    expect(response.headers.get("x-moa-run-url")).toBe(`http://moa.test/r/${runId}`);
    const body = await response.json();
    expect(body).toMatchObject({ object: "chat.completion", model: "moa/moa-lite", choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant" } }] });

    const state = await getRunState(runId);
    expect(state.status).toBe("finished");
    expect(body.choices[0].message.content).toBe(state.finalText);
    expect(state.agents[0]).toHaveLength(6);
    const final = state.agents[1][0].usage!;
    // Six proposers plus the aggregator: far more than the aggregator alone.
    expect(body.usage.completion_tokens).toBe(state.usage.outputTokens);
    expect(body.usage.completion_tokens).toBeGreaterThan(final.outputTokens);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it("turns text parts and developer messages into the run's conversation", async () => {
    const response = await post({
      model: "moa/single",
      messages: [
        { role: "developer", content: "Be brief." },
        { role: "user", content: [{ type: "text", text: "Hello " }, { type: "text", text: "there" }] },
      ],
    });
    expect(response.status).toBe(200);
    const state = await getRunState(response.headers.get("x-moa-run-id")!);
    expect(state.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hello there" },
    ]);
  });
});

describe("POST /api/v1/chat/completions, streamed", () => {
  it("streams the role, then only the final aggregator's text, then stop and [DONE]", async () => {
    const response = await post({ model: "moa/moa-lite", messages: prompt, stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const { chunks, done } = await readChunks(response);
    expect(done).toBe(true);
    expect(chunks.every((c) => c.object === "chat.completion.chunk" && c.model === "moa/moa-lite")).toBe(true);
    expect(chunks[0].choices[0].delta.role).toBe("assistant");
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe("stop");
    expect(chunks.some((c) => c.choices.length === 0)).toBe(false);

    const state = await getRunState(response.headers.get("x-moa-run-id")!);
    expect(contentOf(chunks)).toBe(state.finalText);
    expect(contentOf(chunks)).not.toContain(state.agents[0][0].text);
  });

  it("ends with a usage chunk for the whole run when stream_options.include_usage is set", async () => {
    const response = await post({ model: "moa/moa-lite", messages: prompt, stream: true, stream_options: { include_usage: true } });
    const { chunks } = await readChunks(response);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    const state = await getRunState(response.headers.get("x-moa-run-id")!);
    expect(last.usage).toEqual({
      prompt_tokens: state.usage.inputTokens,
      completion_tokens: state.usage.outputTokens,
      total_tokens: state.usage.inputTokens + state.usage.outputTokens,
    });
  });

  it("adds the proposers' progress as choices-less moa chunks only when moa_intermediate is set", async () => {
    const response = await post({ model: "moa/moa-lite", messages: prompt, stream: true, moa_intermediate: true });
    const { chunks } = await readChunks(response);
    const progress = chunks.filter((c) => c.moa).map((c) => c.moa);
    expect(chunks.filter((c) => c.moa).every((c) => c.choices.length === 0)).toBe(true);
    expect(new Set(progress.map((p) => p.agent))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(progress.every((p) => p.layer === 0)).toBe(true);
    const state = await getRunState(response.headers.get("x-moa-run-id")!);
    const firstProposer = progress.filter((p) => p.agent === 0 && p.type === "agent-delta").map((p) => p.delta).join("");
    expect(firstProposer).toBe(state.agents[0][0].text);
    expect(progress.find((p) => p.type === "agent-finished")?.usage.completion_tokens).toBeGreaterThan(0);
    expect(contentOf(chunks)).toBe(state.finalText);
  });

  it("reports a run that fails mid-stream as an error event", async () => {
    const store = await getConfigStore();
    const saved = await store.create({
      ownerSecretHash: "test-owner",
      name: "Broken board",
      config: { layers: [{ agents: [{ model: "nope:missing" }] }] },
      settings: {},
    });
    const response = await post({ model: `moa/${saved.slug}`, messages: prompt, stream: true });
    const { chunks, done } = await readChunks(response);
    expect(done).toBe(false);
    expect(chunks.at(-1)!.error).toMatchObject({ type: "server_error", code: "run_failed" });
    expect(chunks.at(-1)!.error.message).toMatch(/failed/);
  });
});

describe("POST /api/v1/chat/completions errors", () => {
  it("answers an unknown model with 404 model_not_found", async () => {
    const response = await post({ model: "moa/no-such-board", messages: prompt });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { message: expect.stringContaining("no-such-board"), type: "invalid_request_error", param: "model", code: "model_not_found" },
    });
  });

  it.each([
    ["tools", { tools: [{ type: "function", function: { name: "f" } }] }, "tools", /tools/],
    ["images", { messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "x" } }] }] }, "messages", /only text/],
    ["tool messages", { messages: [{ role: "tool", content: "42", tool_call_id: "a" }] }, "messages", /not supported/],
    ["a conversation that ends with the assistant", { messages: [...prompt, { role: "assistant", content: "hi" }] }, "messages", /last message/],
    ["n > 1", { n: 2 }, "n", /one choice/],
    ["no model", { model: undefined }, "model", /model/],
  ])("rejects %s with a 400 naming the parameter", async (_what, patch, param, message) => {
    const response = await post({ model: "moa/single", messages: prompt, ...patch });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error).toMatchObject({ type: "invalid_request_error", param });
    expect(error.message).toMatch(message);
  });

  it("rejects a body that is not JSON", async () => {
    const response = await post("{nope");
    expect(response.status).toBe(400);
    expect((await response.json()).error.type).toBe("invalid_request_error");
  });

  it("answers a run that fails with 502 and still links the stored run", async () => {
    const store = await getConfigStore();
    const saved = await store.create({
      ownerSecretHash: "test-owner",
      name: "Broken board",
      config: { layers: [{ agents: [{ model: "nope:missing" }] }] },
      settings: {},
    });
    const response = await post({ model: `moa/${saved.slug}`, messages: prompt });
    expect(response.status).toBe(502);
    expect((await response.json()).error).toMatchObject({ type: "server_error", code: "run_failed" });
    const runId = response.headers.get("x-moa-run-id")!;
    expect((await getRunState(runId)).status).toBe("failed");
  });

  it("needs MOA_ACCESS_TOKEN as the Bearer key when the server sets one", async () => {
    process.env.MOA_ACCESS_TOKEN = "let-me-in";
    const denied = await post({ model: "moa/single", messages: prompt }, { authorization: "Bearer wrong" });
    expect(denied.status).toBe(401);
    expect((await denied.json()).error).toMatchObject({ type: "authentication_error", code: "invalid_api_key" });
    const allowed = await post({ model: "moa/single", messages: prompt }, { authorization: "Bearer let-me-in" });
    expect(allowed.status).toBe(200);
  });
});
