import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_STORE = "memory";
  process.env.MOA_SIM_SPEED = "20";
  delete process.env.MOA_ACCESS_TOKEN;
});

import { POST } from "@/app/api/v1/chat/completions/route";
import { GET as listModels } from "@/app/api/v1/models/route";
import { GET as retrieveModel } from "@/app/api/v1/models/[...model]/route";
import { getConfigStore } from "@/lib/configs/store";
import { getRunState } from "@/lib/runs/run-manager";
import { serveRoutes } from "./route-server";

let server: Awaited<ReturnType<typeof serveRoutes>>;
let client: OpenAI;
const messages = [{ role: "user" as const, content: "Explain Mixture-of-Agents in one paragraph." }];

beforeAll(async () => {
  server = await serveRoutes({
    "POST /api/v1/chat/completions": POST,
    "GET /api/v1/models": listModels,
    // The client sends `moa%2Fmoa-lite`; Next's catch-all hands over the decoded segment(s).
    "GET /api/v1/models/:id": (request, { params }) => retrieveModel(request, { params: params.then(({ id }) => ({ model: [id] })) }),
  });
  client = new OpenAI({ baseURL: `${server.origin}/api/v1`, apiKey: "x", maxRetries: 0 });
});

afterAll(() => server.close());

describe("the official openai client against /api/v1", () => {
  it("lists the presets as moa/<slug> models", async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(expect.arrayContaining(["moa/moa", "moa/moa-lite", "moa/single"]));
    const lite = await client.models.retrieve("moa/moa-lite");
    expect(lite).toMatchObject({ id: "moa/moa-lite", object: "model", owned_by: "moa-playground" });
    await expect(client.models.retrieve("moa/unknown")).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("collects a streamed answer that is the run's final text", async () => {
    const { data: stream, response } = await client.chat.completions
      .create({ model: "moa/moa-lite", messages, stream: true, stream_options: { include_usage: true } })
      .withResponse();
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      usage = chunk.usage ?? usage;
    }
    const runId = response.headers.get("x-moa-run-id")!;
    expect(response.headers.get("x-moa-run-url")).toBe(`${server.origin}/r/${runId}`);
    const state = await getRunState(runId);
    expect(text.length).toBeGreaterThan(20);
    expect(text).toBe(state.finalText);
    expect(usage?.completion_tokens).toBe(state.usage.outputTokens);
  });

  it("is not thrown off by the moa progress chunks", async () => {
    // Our extension field: a variable, not a literal, so the client's types let it through as-is.
    const params = { model: "moa/moa-lite", messages, stream: true as const, moa_intermediate: true };
    const stream = await client.chat.completions.create(params);
    let text = "";
    let progress = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      if ("moa" in chunk) progress++;
    }
    expect(progress).toBeGreaterThan(6);
    expect(text.length).toBeGreaterThan(20);
  });

  it("returns one completion with the whole run's usage when not streaming", async () => {
    const completion = await client.chat.completions.create({ model: "moa/moa-lite", messages });
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0].message.content?.length).toBeGreaterThan(20);
    const state = await getRunState(completion.id.replace(/^chatcmpl-/, ""));
    expect(completion.usage).toEqual({
      prompt_tokens: state.usage.inputTokens,
      completion_tokens: state.usage.outputTokens,
      total_tokens: state.usage.inputTokens + state.usage.outputTokens,
    });
  });

  it("surfaces errors as APIError with OpenAI's status and code", async () => {
    const unknown = await client.chat.completions.create({ model: "moa/nothing-here", messages }).catch((e) => e);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect(unknown).toMatchObject({ status: 404, code: "model_not_found", param: "model" });

    const tools = await client.chat.completions
      .create({ model: "moa/single", messages, tools: [{ type: "function", function: { name: "lookup" } }] })
      .catch((e) => e);
    expect(tools).toBeInstanceOf(OpenAI.BadRequestError);
    expect(tools.message).toMatch(/tools/);
  });

  it("raises an APIError from the stream when the run fails after streaming began", async () => {
    const saved = await (await getConfigStore()).create({
      ownerSecretHash: "someone",
      name: "Unreachable",
      config: { layers: [{ agents: [{ model: "sim:owl" }] }, { agents: [{ model: "nope:gone" }] }] },
      settings: {},
    });
    const stream = await client.chat.completions.create({ model: `moa/${saved.slug}`, messages, stream: true });
    const read = async () => {
      for await (const _chunk of stream);
    };
    await expect(read()).rejects.toMatchObject({ message: expect.stringMatching(/run failed/i) });
  });

  it("lets the run finish when the client disconnects mid-stream", async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.origin}/api/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "moa/moa-lite", messages, stream: true }),
      signal: controller.signal,
    });
    const runId = response.headers.get("x-moa-run-id")!;
    await response.body!.getReader().read();
    controller.abort();
    await vi.waitFor(async () => expect((await getRunState(runId)).status).toBe("finished"), { timeout: 15_000, interval: 100 });
  });

  it("rejects a wrong key with 401 when MOA_ACCESS_TOKEN is set", async () => {
    process.env.MOA_ACCESS_TOKEN = "secret-token";
    try {
      const denied = await client.chat.completions.create({ model: "moa/single", messages }).catch((e) => e);
      expect(denied).toBeInstanceOf(OpenAI.AuthenticationError);
      const allowed = new OpenAI({ baseURL: `${server.origin}/api/v1`, apiKey: "secret-token", maxRetries: 0 });
      const completion = await allowed.chat.completions.create({ model: "moa/single", messages });
      expect(completion.choices[0].message.content).toBeTruthy();
    } finally {
      delete process.env.MOA_ACCESS_TOKEN;
    }
  });
});
