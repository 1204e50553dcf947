/**
 * Paths under /api/v1 that this server does not serve answer like OpenAI does for an unknown
 * URL: a JSON 404 `{ error: { message, type, param, code } }`, never Next's HTML page, so an
 * OpenAI client raises its NotFoundError with a message saying what exists.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_STORE = "memory";
  delete process.env.MOA_ACCESS_TOKEN;
});

import * as unknown from "@/app/api/v1/[[...path]]/route";

afterEach(() => {
  delete process.env.MOA_ACCESS_TOKEN;
});

describe("unknown /api/v1 paths", () => {
  it.each([
    ["POST", "/api/v1/completions"],
    ["POST", "/api/v1/embeddings"],
    ["POST", "/api/v1/responses"],
    ["GET", "/api/v1/files"],
    ["DELETE", "/api/v1/models/moa/x/extra"],
    ["GET", "/api/v1"],
  ] as const)("%s %s → a JSON 404 in OpenAI's shape", async (method, path) => {
    const response = await unknown[method](new Request(`http://moa.test${path}`, { method }));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toEqual({
      error: { message: expect.stringContaining(`${method} ${path}`), type: "invalid_request_error", param: null, code: "not_found" },
    });
    expect(body.error.message).toMatch(/\/api\/v1\/chat\/completions/);
  });

  it("asks for the access token first when the server has one", async () => {
    process.env.MOA_ACCESS_TOKEN = "secret-token";
    const response = await unknown.POST(new Request("http://moa.test/api/v1/embeddings", { method: "POST" }));
    expect(response.status).toBe(401);
    expect((await response.json()).error.type).toBe("authentication_error");
  });
});
