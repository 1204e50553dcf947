import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { slugCandidates, slugify } from "@/lib/configs/slug";
import { toRunInput } from "@/lib/openai-compat/request-schema";
import { toOpenAIErrorBody } from "@/lib/openai-compat/errors";

const user = { role: "user", content: "hi" };

describe("slugs of saved configurations", () => {
  it.each([
    ["My Best Board!", "my-best-board"],
    ["  Crème brûlée — v2 ", "creme-brulee-v2"],
    ["???", "config"],
    ["a".repeat(100), "a".repeat(60)],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("numbers duplicates and never offers a preset's slug", () => {
    const first = (name: string, n: number) => [...take(slugCandidates(name), n)];
    expect(first("Team board", 3)).toEqual(["team-board", "team-board-2", "team-board-3"]);
    expect(first("MoA", 2)).toEqual(["moa-2", "moa-3"]);
    expect(first("x".repeat(70), 2).map((s) => s.length)).toEqual([60, 60]);
  });
});

function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  for (const item of items) {
    if (n-- <= 0) return;
    yield item;
  }
}

describe("toRunInput", () => {
  it("reads the model slug, the stream flags and the conversation, ignoring fields a board decides", () => {
    const input = toRunInput({
      model: "moa/moa-lite",
      messages: [{ role: "system", content: "Be kind." }, { role: "user", content: [{ type: "text", text: "Hi" }], name: "sam" }],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      max_tokens: 10,
      seed: 3,
    });
    expect(input).toEqual({
      slug: "moa-lite",
      model: "moa/moa-lite",
      messages: [
        { role: "system", content: "Be kind." },
        { role: "user", content: "Hi" },
      ],
      stream: true,
      includeUsage: true,
      intermediate: false,
    });
  });

  it("accepts a bare slug, null stream options and an empty tools list", () => {
    const input = toRunInput({ model: "single", messages: [user], stream_options: null, tools: [] });
    expect(input).toMatchObject({ slug: "single", stream: false, includeUsage: false });
  });

  it("names the parameter at fault in a 400", () => {
    const fail = (body: unknown) => {
      try {
        toRunInput(body);
      } catch (error) {
        return toOpenAIErrorBody(error as AppError).error;
      }
      throw new Error("expected a failure");
    };
    expect(fail({ model: "moa/x", messages: [user], tools: [{}] })).toMatchObject({ param: "tools", type: "invalid_request_error" });
    expect(fail({ model: "moa/x", messages: [] })).toMatchObject({ param: "messages" });
    expect(fail({ model: "moa/x", messages: [{ role: "user", content: "" }] }).message).toMatch(/empty/);
    expect(fail({ messages: [user] })).toMatchObject({ param: "model" });
  });

  it.each([
    ["temperature", "hot"],
    ["temperature", 3],
    ["top_p", "all"],
    ["max_tokens", 1.5],
    ["max_completion_tokens", "10"],
    ["seed", "42"],
    ["stop", 7],
    ["user", 12],
    ["presence_penalty", true],
    ["logit_bias", { "50256": "ban" }],
    ["stream", "yes"],
    ["response_format", { type: "xml" }],
    ["logprobs", "yes"],
  ])("type-checks %s (%j is a 400 naming it)", (param, value) => {
    expect(failure({ model: "moa/x", messages: [user], [param]: value })).toMatchObject({ param, type: "invalid_request_error" });
  });

  it.each([
    ["response_format", { type: "json_object" }, /json_object.*not supported/],
    ["response_format", { type: "json_schema", json_schema: { name: "x", schema: {} } }, /json_schema.*not supported/],
    ["logprobs", true, /log probabilities/],
    ["top_logprobs", 3, /log probabilities/],
    ["tool_choice", "required", /tool_choice/],
    ["modalities", ["text", "audio"], /text only/],
  ])("refuses %s %j, which it cannot honour, by name", (param, value, message) => {
    const error = failure({ model: "moa/x", messages: [user], [param]: value });
    expect(error).toMatchObject({ param, type: "invalid_request_error" });
    expect(error.message).toMatch(message);
  });

  it("accepts what it can honour or safely ignore", () => {
    const body = { model: "moa/x", messages: [user], response_format: { type: "text" }, logprobs: false, tool_choice: "none", temperature: null, metadata: { a: "b" }, custom_field: { anything: 1 } };
    expect(toRunInput(body)).toMatchObject({ slug: "x" });
  });
});

function failure(body: unknown) {
  try {
    toRunInput(body);
  } catch (error) {
    return toOpenAIErrorBody(error as AppError).error;
  }
  throw new Error("expected a failure");
}

describe("OpenAI error bodies", () => {
  it.each([
    ["not_found:config", 404, { type: "invalid_request_error", param: "model", code: "model_not_found" }],
    ["unauthorized:access_token", 401, { type: "authentication_error", code: "invalid_api_key" }],
    ["rate_limited:runs", 429, { type: "rate_limit_error", code: "rate_limit_exceeded" }],
    ["upstream:run_failed", 502, { type: "server_error", code: "run_failed" }],
    ["internal", 500, { type: "server_error", code: null }],
    ["forbidden:owner", 403, { type: "permission_error", code: "owner" }],
  ] as const)("%s → %i", (code, status, shape) => {
    const error = new AppError(code, "message");
    expect(error.status).toBe(status);
    expect(toOpenAIErrorBody(error).error).toMatchObject({ message: "message", ...shape });
  });
});
