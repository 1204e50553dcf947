import { describe, expect, it, vi } from "vitest";
import { AppError, withErrors } from "@/lib/errors";
import { withOpenAIErrors } from "@/lib/openai-compat/errors";

describe("route handlers wrapped for errors", () => {
  it("answer a thrown AppError with its status and code, and anything else as a 500 that tells nothing", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = withErrors(async (request: Request) => {
      if (request.url.endsWith("/missing")) throw new AppError("not_found:run", "No run has this id.");
      if (request.url.endsWith("/broken")) throw new Error("password=hunter2 in a stack trace");
      return Response.json({ ok: true });
    });
    expect(await (await handler(new Request("http://t/ok"))).json()).toEqual({ ok: true });

    const missing = await handler(new Request("http://t/missing"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found:run", message: "No run has this id." } });

    const broken = await handler(new Request("http://t/broken"));
    expect(broken.status).toBe(500);
    expect(JSON.stringify(await broken.json())).not.toContain("hunter2");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("answer in OpenAI's error shape on /api/v1", async () => {
    const handler = withOpenAIErrors(() => {
      throw new AppError("unauthorized:access_token", "Invalid or missing access token.");
    });
    const response = await handler();
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: "authentication_error", code: "invalid_api_key" } });
  });
});
