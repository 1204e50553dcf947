import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createModelResolver } from "@/lib/providers/registry";

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("createModelResolver", () => {
  it("always resolves sim models, with no env at all", () => {
    const model = createModelResolver({ env: {} })("sim:falcon");
    expect(typeof model === "object" && model.provider).toBe("sim");
  });

  it("rejects an unconfigured provider with a message saying how to configure it", () => {
    const error = errorOf(() => createModelResolver({ env: {} })("together:Qwen/Qwen2.5-72B-Instruct-Turbo"));
    expect(error.code).toBe("bad_request:model");
    expect(error.status).toBe(400);
    expect(error.message).toBe("together is not configured: set TOGETHER_API_KEY or paste a key in Settings");
  });

  it("rejects unknown providers and ids without a model", () => {
    expect(errorOf(() => createModelResolver({ env: {} })("nope:model")).message).toMatch(/unknown provider "nope"/);
    expect(errorOf(() => createModelResolver({ env: {} })("sim:")).code).toBe("bad_request:model");
  });

  it("uses keys sent with a run instead of the env, for that resolver only", () => {
    const withKey = createModelResolver({ env: {}, keys: { groq: "gsk-test" } });
    const model = withKey("groq:llama-3.3-70b-versatile");
    expect(typeof model === "object" && model.provider).toMatch(/^groq/);
    expect(() => createModelResolver({ env: {} })("groq:llama-3.3-70b-versatile")).toThrow(AppError);
  });

  it("configures every provider from the env", () => {
    const resolve = createModelResolver({
      env: {
        OPENAI_API_KEY: "sk-a",
        ANTHROPIC_API_KEY: "sk-b",
        TOGETHER_API_KEY: "t",
        GROQ_API_KEY: "g",
        OPENROUTER_API_KEY: "o",
        OLLAMA_BASE_URL: "http://localhost:11434",
        OPENAI_COMPATIBLE_BASE_URL: "http://localhost:8000/v1",
      },
    });
    const ids = ["openai:gpt-4o", "anthropic:claude-haiku-4-5", "together:x/y", "groq:a", "openrouter:a/b", "ollama:llama3.2:3b", "compat:qwen"];
    for (const id of ids) {
      const model = resolve(id);
      expect(typeof model === "object" && model.modelId).toBe(id.slice(id.indexOf(":") + 1));
    }
  });

  it("a pasted compat endpoint works without a server setting", () => {
    const resolve = createModelResolver({ env: {}, keys: { compatBaseUrl: "http://127.0.0.1:9/v1" } });
    expect(typeof resolve("compat:m") === "object").toBe(true);
  });
});
