import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_STORE = "memory";
  process.env.MOA_SIM_SPEED = "20";
  process.env.MOA_RATE_LIMIT_BURST = "1";
  process.env.MOA_RATE_LIMIT_PER_MIN = "1";
  delete process.env.MOA_ACCESS_TOKEN;
  delete process.env.MOA_TRUST_PROXY;
});

import { POST } from "@/app/api/v1/chat/completions/route";

const body = JSON.stringify({ model: "moa/single", messages: [{ role: "user", content: "hi" }] });
const post = () => POST(new Request("http://moa.test/api/v1/chat/completions", { method: "POST", body }));

describe("/api/v1 rate limits", () => {
  it("answers a client over its run budget with 429, rate_limit_exceeded and Retry-After", async () => {
    expect((await post()).status).toBe(200);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatchObject({ type: "rate_limit_error", code: "rate_limit_exceeded" });
    expect(limited.headers.get("x-moa-run-id")).toBeNull();
  });
});
