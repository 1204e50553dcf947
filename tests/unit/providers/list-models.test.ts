import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearModelListCache, listModels } from "@/lib/providers/list-models";
import { modelsResponseSchema } from "@/lib/wire/models";
import { startFakeOpenAI, type FakeOpenAI } from "../../fixtures/fake-openai-server";

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ models: { "qwen2.5-7b": {}, "llama3.2": {} } });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => clearModelListCache());

describe("listModels", () => {
  it("lists sim models as available and catalog models of unconfigured providers with the reason", async () => {
    const { models, providers } = await listModels({ env: {} });
    const falcon = models.find((m) => m.id === "sim:falcon");
    expect(falcon).toMatchObject({ available: true, simulated: true, name: "Falcon (simulated)" });
    const groq = models.find((m) => m.id === "groq:llama-3.3-70b-versatile");
    expect(groq).toMatchObject({ available: false, simulated: false });
    expect(groq?.reason).toMatch(/GROQ_API_KEY/);
    expect(providers.find((p) => p.id === "sim")?.available).toBe(true);
    expect(providers.find((p) => p.id === "compat")?.available).toBe(false);
  });

  it("answers in the shape the browser parses, with speed hints as text", async () => {
    const listing = await listModels({ env: { OPENAI_API_KEY: "sk-x", OPENAI_COMPATIBLE_BASE_URL: fake.baseUrl } });
    // What GET /api/models sends goes through JSON: parse it the way the page does.
    const parsed = modelsResponseSchema.safeParse(JSON.parse(JSON.stringify(listing)));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.models.find((m) => m.id === "sim:falcon")?.speedHint).toMatch(/tok\/s/);
  });

  it("marks providers with a key as available", async () => {
    const { models } = await listModels({ env: { OPENAI_API_KEY: "sk-x" } });
    expect(models.find((m) => m.id === "openai:gpt-4o")).toMatchObject({ available: true, pricePerMTokens: { input: 2.5, output: 10 } });
  });

  it("reads models from an OpenAI-compatible endpoint and caches them", async () => {
    const env = { OPENAI_COMPATIBLE_BASE_URL: fake.baseUrl };
    const { models } = await listModels({ env });
    const compat = models.filter((m) => m.provider === "compat").map((m) => m.id);
    expect(compat).toEqual(["compat:qwen2.5-7b", "compat:llama3.2"]);
    const before = fake.requests.filter((r) => r.path === "/v1/models").length;
    await listModels({ env });
    expect(fake.requests.filter((r) => r.path === "/v1/models").length).toBe(before);
  });

  it("reads ollama tags from the server root", async () => {
    const calls: string[] = [];
    const fetchImpl: typeof fetch = async (input) => {
      calls.push(String(input));
      return Response.json({ models: [{ name: "llama3.2:3b" }] });
    };
    const { models } = await listModels({ env: { OLLAMA_BASE_URL: "http://ollama.test:11434/v1/" }, fetchImpl });
    expect(calls).toEqual(["http://ollama.test:11434/api/tags"]);
    expect(models.find((m) => m.id === "ollama:llama3.2:3b")?.available).toBe(true);
  });

  it("turns unreachable or broken endpoints into unavailable providers, never an error", async () => {
    const started = Date.now();
    const { providers } = await listModels({
      env: { OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:1/v1", OLLAMA_BASE_URL: "http://ollama.test" },
      fetchImpl: async (input) => (String(input).includes("ollama") ? new Response("nope", { status: 503 }) : fetch(input)),
    });
    expect(Date.now() - started).toBeLessThan(2_500);
    const compat = providers.find((p) => p.id === "compat");
    expect(compat?.available).toBe(false);
    expect(compat?.reason).toMatch(/cannot list models at http:\/\/127\.0\.0\.1:1\/v1\/models/);
    expect(providers.find((p) => p.id === "ollama")?.reason).toMatch(/HTTP 503/);
  });

  it("gives up on an endpoint that hangs after about 1.5 s", async () => {
    const fetchImpl: typeof fetch = (_input, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    const started = Date.now();
    const { providers } = await listModels({ env: { OPENAI_COMPATIBLE_BASE_URL: "http://hang.test/v1" }, fetchImpl });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(2_500);
    expect(providers.find((p) => p.id === "compat")?.reason).toMatch(/timed out/);
  });
});
