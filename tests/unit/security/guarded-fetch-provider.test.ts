import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText } from "ai";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { guardedFetch } from "@/lib/security/guarded-fetch";

describe("guardedFetch as an AI SDK provider's fetch", () => {
  it("stops a user-supplied private base URL before any request, with the guard's own error", async () => {
    let calls = 0;
    const provider = createOpenAICompatible({
      name: "compat",
      baseURL: "http://169.254.169.254/v1",
      apiKey: "user-key",
      fetch: guardedFetch({ allowPrivate: false, lookup: async () => (calls++, []) }),
    });
    const attempt = generateText({ model: provider("any"), prompt: "hi", maxRetries: 0 });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "bad_request:endpoint", message: expect.stringMatching(/cloud metadata/) });
    expect(calls).toBe(0);
  });
});
