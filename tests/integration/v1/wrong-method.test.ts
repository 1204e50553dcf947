/**
 * A known /api/v1 path called with a method it does not serve answers like OpenAI: a JSON 405
 * `{ error: { message, type, param, code } }` with an Allow header, never Next's empty 405.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_STORE = "memory";
  delete process.env.MOA_ACCESS_TOKEN;
});

import * as completions from "@/app/api/v1/chat/completions/route";
import * as model from "@/app/api/v1/models/[...model]/route";
import * as models from "@/app/api/v1/models/route";
import { ROUTE_METHODS } from "@/lib/openai-compat/wrong-method";

type RouteModule = Partial<Record<(typeof ROUTE_METHODS)[number], (request: Request, context: never) => Response | Promise<Response>>>;

const routes: Array<[path: string, module: RouteModule, allowed: string]> = [
  ["/api/v1/chat/completions", completions, "POST"],
  ["/api/v1/models", models, "GET"],
  ["/api/v1/models/moa/moa-lite", model, "GET"],
];

afterEach(() => {
  delete process.env.MOA_ACCESS_TOKEN;
});

describe("a wrong method on a known /api/v1 path", () => {
  const cases = routes.flatMap(([path, module, allowed]) =>
    ROUTE_METHODS.filter((m) => m !== allowed).map((method) => [method, path, module, allowed] as const),
  );

  it.each(cases)("%s %s → OpenAI's JSON 405 naming the method it takes", async (method, path, module, allowed) => {
    const handler = module[method];
    // Without an export of its own, Next answers the empty 405 this test exists to rule out.
    expect(handler, `${path} must export ${method}`).toBeTypeOf("function");
    const response = await handler!(new Request(`http://moa.test${path}`, { method }), undefined as never);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allowed);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: {
        message: `Invalid method for URL (${method} ${path}): this path takes ${allowed}.`,
        type: "invalid_request_error",
        param: null,
        code: "method_not_allowed",
      },
    });
  });

  it("asks for the access token first when the server has one", async () => {
    process.env.MOA_ACCESS_TOKEN = "secret-token";
    const response = await completions.GET(new Request("http://moa.test/api/v1/chat/completions"));
    expect(response.status).toBe(401);
    expect((await response.json()).error.type).toBe("authentication_error");
  });

  it("with the token, the 405 still comes", async () => {
    process.env.MOA_ACCESS_TOKEN = "secret-token";
    const response = await models.DELETE(new Request("http://moa.test/api/v1/models", { method: "DELETE", headers: { authorization: "Bearer secret-token" } }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
  });
});
