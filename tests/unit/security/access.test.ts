import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { MoAConfig } from "@/lib/moa/config";
import { accessCookie, assertMayUseServerKeys, checkAccess, requiresAccess } from "@/lib/security/access";

const TOKEN = "correct horse battery staple";
const locked = { MOA_ACCESS_TOKEN: TOKEN };
const request = (headers: Record<string, string> = {}) => new Request("http://localhost/api/runs", { method: "POST", headers });

describe("requiresAccess", () => {
  it.each([
    ["simulated models only", ["sim:falcon", "sim:heron"], {}, false],
    ["a server OpenAI key", ["sim:falcon", "openai:gpt-4o"], {}, true],
    ["the user's own OpenAI key", ["openai:gpt-4o", "sim:falcon"], { openai: "sk-user" }, false],
    ["a blank user key is no key", ["openai:gpt-4o"], { openai: "  " }, true],
    ["one provider covered, another not", ["openai:gpt-4o", "anthropic:claude-sonnet-4"], { openai: "sk-user" }, true],
    ["the server's Ollama", ["ollama:llama3.2"], {}, true],
    ["the server's compat endpoint", ["compat:qwen"], { compat: "user-key" }, true],
    ["the user's own compat endpoint", ["compat:qwen"], { compatBaseUrl: "https://llm.example.com/v1" }, false],
    ["an unknown provider", ["mystery:model"], {}, true],
  ])("%s → %s", (_label, models, keys, expected) => {
    expect(requiresAccess(models, keys, {})).toBe(expected);
  });

  it("a user's compat URL without a key would be sent the server's compat key, so it needs access", () => {
    const env = { OPENAI_COMPATIBLE_API_KEY: "server-compat-key" };
    expect(requiresAccess(["compat:qwen"], { compatBaseUrl: "https://llm.example.com/v1" }, env)).toBe(true);
    expect(requiresAccess(["compat:qwen"], { compatBaseUrl: "https://llm.example.com/v1", compat: "mine" }, env)).toBe(false);
  });
});

describe("checkAccess", () => {
  it("lets everyone in when no token is configured", () => {
    expect(checkAccess(request(), {})).toBe(true);
    expect(checkAccess(request(), { MOA_ACCESS_TOKEN: "  " })).toBe(true);
  });

  it("accepts the token as a Bearer header or as the moa_access cookie", () => {
    expect(checkAccess(request({ authorization: `Bearer ${TOKEN}` }), locked)).toBe(true);
    expect(checkAccess(request({ authorization: `bearer ${TOKEN}` }), locked)).toBe(true);
    expect(checkAccess(request({ cookie: `theme=dark; moa_access=${encodeURIComponent(TOKEN)}` }), locked)).toBe(true);
  });

  it("refuses a missing, wrong or partial token", () => {
    expect(checkAccess(request(), locked)).toBe(false);
    expect(checkAccess(request({ authorization: "Bearer nope" }), locked)).toBe(false);
    expect(checkAccess(request({ authorization: `Bearer ${TOKEN.slice(0, -1)}` }), locked)).toBe(false);
    expect(checkAccess(request({ authorization: TOKEN }), locked)).toBe(false);
    expect(checkAccess(request({ cookie: `other_moa_access=${encodeURIComponent(TOKEN)}` }), locked)).toBe(false);
  });
});

describe("accessCookie", () => {
  it("round-trips: a browser sending back the cookie it was given gets in", () => {
    const setCookie = accessCookie(TOKEN, { secure: true });
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Secure/);
    expect(checkAccess(request({ cookie: setCookie.split(";")[0] }), locked)).toBe(true);
  });

  it("leaves out Secure on plain http, where the browser would drop the cookie", () => {
    expect(accessCookie(TOKEN, { secure: false })).not.toMatch(/Secure/);
  });
});

describe("assertMayUseServerKeys", () => {
  const config = (...models: string[]): MoAConfig => ({
    layers: [{ agents: models.slice(0, -1).map((model) => ({ model })) }, { agents: [{ model: models.at(-1)! }] }],
  });

  it("refuses a run on server keys without the token, with a message that says what to do", () => {
    let thrown: unknown;
    try {
      assertMayUseServerKeys(request(), config("sim:falcon", "openai:gpt-4o"), {}, locked);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: "unauthorized:access_token", status: 401, message: expect.stringMatching(/^This server's own API keys need an access token/) });
  });

  it("lets through runs on the simulator, on the user's own keys, or with the token", () => {
    expect(() => assertMayUseServerKeys(request(), config("sim:falcon", "sim:heron"), {}, locked)).not.toThrow();
    expect(() => assertMayUseServerKeys(request(), config("sim:falcon", "openai:gpt-4o"), { openai: "sk-user" }, locked)).not.toThrow();
    expect(() => assertMayUseServerKeys(request({ authorization: `Bearer ${TOKEN}` }), config("openai:gpt-4o", "openai:gpt-4o"), {}, locked)).not.toThrow();
  });
});
