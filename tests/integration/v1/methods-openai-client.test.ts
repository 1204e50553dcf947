import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_STORE = "memory";
  process.env.MOA_SIM_SPEED = "200";
  delete process.env.MOA_ACCESS_TOKEN;
});

import { POST } from "@/app/api/v1/chat/completions/route";
import { GET as listModels } from "@/app/api/v1/models/route";
import { METHODS } from "@/lib/moa/methods/catalog";
import { getRunState } from "@/lib/runs/run-manager";
import { serveRoutes } from "./route-server";

let server: Awaited<ReturnType<typeof serveRoutes>>;
let client: OpenAI;
const messages = [{ role: "user" as const, content: "Why is the sky blue?" }];
const SLUGS = METHODS.filter((m) => m.kind !== "moa").map((m) => m.kind);

beforeAll(async () => {
  server = await serveRoutes({ "POST /api/v1/chat/completions": POST, "GET /api/v1/models": listModels });
  client = new OpenAI({ baseURL: `${server.origin}/api/v1`, apiKey: "x", maxRetries: 0 });
});

afterAll(() => server.close());

async function streamed(model: string) {
  const { data: stream, response } = await client.chat.completions.create({ model, messages, stream: true }).withResponse();
  let text = "";
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
  return { text, state: await getRunState(response.headers.get("x-moa-run-id")!) };
}

describe("the method library through /api/v1 with the official openai client", () => {
  it("lists every method as moa/<slug>", async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(expect.arrayContaining(SLUGS.map((s) => `moa/${s}`)));
  });

  it.each(SLUGS)("moa/%s streams the run's answer and runs under its method", async (slug) => {
    const { text, state } = await streamed(`moa/${slug}`);
    expect(state.status).toBe("finished");
    expect(state.config?.method?.kind).toBe(slug);
    expect(text.length).toBeGreaterThan(20);
    expect(text).toBe(state.finalText);
  });

  it("USC streams one proposer's answer word for word, not the selector's reply", async () => {
    const { text, state } = await streamed("moa/usc");
    expect(state.agents.at(-2)!.map((a) => a.text)).toContain(text);
    expect(state.agents.at(-1)![0].text).toMatch(/^The most consistent response is Response \d$/);
  });

  it("Fusion streams the reply without its analysis, which the run keeps as a step", async () => {
    const { text, state } = await streamed("moa/fusion");
    expect(text).not.toContain("<analysis>");
    expect(state.steps?.find((s) => s.step === "analysis")?.analysis?.consensus.length).toBeGreaterThan(0);
  });

  it("answers a non-streamed request with the method's answer", async () => {
    const completion = await client.chat.completions.create({ model: "moa/ranker", messages });
    const state = await getRunState(completion.id.replace(/^chatcmpl-/, ""));
    expect(completion.choices[0].message.content).toBe(state.finalText);
    expect(state.agents.at(-2)!.map((a) => a.text)).toContain(state.finalText);
  });
});
