import { describe, expect, it } from "vitest";
import { JSONParseError, TypeValidationError } from "ai";
import { classifyError, isAutoRetried, parseRetryAfter, redactSecrets } from "@/lib/moa/failures";
import { apiError } from "./helpers";

describe("classifyError", () => {
  it("names the provider on a rejected key and does not retry", () => {
    const failure = classifyError(apiError(401, { message: "Incorrect API key provided: sk-proj-abcdef123456" }), "openai:gpt-4o");
    expect(failure.kind).toBe("auth");
    expect(failure.message).toBe("openai rejected the API key (401)");
    expect(failure.retryable).toBe(false);
  });

  it("treats 403 as auth too", () => {
    expect(classifyError(apiError(403), "anthropic:claude").kind).toBe("auth");
  });

  it("reads Retry-After on 429", () => {
    const failure = classifyError(apiError(429, { headers: { "Retry-After": "3" } }), "groq:llama");
    expect(failure).toMatchObject({ kind: "rate_limited", retryable: true, retryAfterMs: 3000 });
    expect(failure.message).toContain("429");
  });

  it("classifies 5xx as a retryable server error with its status", () => {
    const failure = classifyError(apiError(503), "together:qwen");
    expect(failure).toMatchObject({ kind: "server_error", retryable: true });
    expect(failure.message).toContain("503");
  });

  it("keeps a 5xx the provider marked permanent out of the automatic retries", () => {
    const permanent = apiError(500);
    Object.defineProperty(permanent, "isRetryable", { value: false });
    const failure = classifyError(permanent, "sim:broken");
    expect(failure).toMatchObject({ kind: "server_error", retryable: false });
    expect(isAutoRetried(failure)).toBe(false);
    expect(isAutoRetried(classifyError(apiError(500), "together:qwen"))).toBe(true);
  });

  it("recognises a context-length 400 from its body", () => {
    const body = '{"error":{"message":"This model\'s maximum context length is 8192 tokens"}}';
    expect(classifyError(apiError(400, { body }), "openai:gpt-4").kind).toBe("context_length");
  });

  it("keeps other 4xx as bad_request with the status and no secrets", () => {
    const failure = classifyError(apiError(422, { message: "invalid temperature for key sk-live-abcdefghijkl" }), "openai:gpt-4o");
    expect(failure.kind).toBe("bad_request");
    expect(failure.message).toContain("422");
    expect(failure.message).not.toContain("sk-live");
  });

  it("classifies dropped connections as network errors", () => {
    const refused = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }) });
    const failure = classifyError(refused, "compat:local");
    expect(failure.kind).toBe("network");
    expect(failure.message).toContain("ECONNREFUSED");
    expect(classifyError(new Error("socket hang up"), "x:y").kind).toBe("network");
  });

  it("reports a malformed stream as a network failure without echoing the chunk", () => {
    const parse = new JSONParseError({ text: '{"choices": [ sk-abcdefghijk', cause: new SyntaxError("Unexpected end") });
    const failure = classifyError(parse, "compat:local");
    expect(failure).toMatchObject({ kind: "network", message: "compat sent a malformed stream", retryable: true });
    expect(classifyError(new TypeValidationError({ value: { x: 1 }, cause: new Error("bad") }), "compat:m").kind).toBe("network");
  });

  it("falls back to unknown with a short message", () => {
    expect(classifyError(new Error("something odd"), "x:y")).toMatchObject({ kind: "unknown", message: "x:y failed: something odd" });
  });
});

describe("parseRetryAfter", () => {
  it("accepts seconds, HTTP dates and retry-after-ms", () => {
    expect(parseRetryAfter({ "retry-after": "2" })).toBe(2000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter({ "Retry-After": "Thu, 01 Jan 2026 00:00:05 GMT" }, now)).toBe(5000);
    expect(parseRetryAfter({ "retry-after-ms": "150" })).toBe(150);
    expect(parseRetryAfter({ "retry-after": "soon" })).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe("redactSecrets", () => {
  it("removes keys and bearer tokens", () => {
    expect(redactSecrets("key sk-abc123def456 and Bearer xyz.abc")).toBe("key [redacted] and [redacted]");
  });
});
