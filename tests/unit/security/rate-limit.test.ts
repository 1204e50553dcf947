import { describe, expect, it } from "vitest";
import { InMemoryRateLimiter, rateLimitConfigFromEnv, type RateLimitConfig } from "@/lib/security/rate-limit";

function limiter(config: Partial<RateLimitConfig> = {}) {
  const clock = { now: 1_000_000 };
  const limits = new InMemoryRateLimiter({ perMinute: 30, burst: 10, maxConcurrent: 4, ...config }, () => clock.now);
  return { limits, advance: (ms: number) => (clock.now += ms) };
}

async function takeMany(limits: InMemoryRateLimiter, client: string, n: number) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await limits.take(client));
  return results;
}

describe("run start limit (token bucket)", () => {
  it("allows a burst of 10, then refuses with a clear message", async () => {
    const { limits } = limiter();
    const results = await takeMany(limits, "a", 11);
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    // 30/min refills one run every 2 s.
    expect(results[10]).toEqual({ ok: false, retryAfterS: 2, message: "Too many runs: at most 30 per minute. Try again in 2 s." });
  });

  it("refills at the per-minute pace", async () => {
    const { limits, advance } = limiter();
    await takeMany(limits, "a", 10);
    advance(1_000);
    expect(await limits.take("a")).toMatchObject({ ok: false, retryAfterS: 1 });
    advance(1_000);
    expect(await limits.take("a")).toEqual({ ok: true });
    expect(await limits.take("a")).toMatchObject({ ok: false });
    advance(60_000);
    expect((await takeMany(limits, "a", 11)).filter((r) => r.ok)).toHaveLength(10);
  });

  it("says how long to wait when the pace is slow", async () => {
    const { limits } = limiter({ perMinute: 5, burst: 1 });
    await limits.take("a");
    expect(await limits.take("a")).toEqual({ ok: false, retryAfterS: 12, message: "Too many runs: at most 5 per minute. Try again in 12 s." });
  });

  it("never lets a burst exceed the per-minute limit", async () => {
    const { limits } = limiter({ perMinute: 3, burst: 10 });
    expect((await takeMany(limits, "a", 10)).filter((r) => r.ok)).toHaveLength(3);
  });

  it("keeps clients apart", async () => {
    const { limits } = limiter();
    await takeMany(limits, "a", 10);
    expect(await limits.take("a")).toMatchObject({ ok: false });
    expect(await limits.take("b")).toEqual({ ok: true });
  });

  it("is off when the per-minute limit is 0", async () => {
    const { limits } = limiter({ perMinute: 0 });
    expect((await takeMany(limits, "a", 500)).every((r) => r.ok)).toBe(true);
  });
});

describe("concurrent runs limit", () => {
  it("allows 4 at once and frees a slot on release", async () => {
    const { limits } = limiter();
    const held = await Promise.all([1, 2, 3, 4].map(() => limits.acquireConcurrent("a")));
    expect(held.every((r) => r.ok)).toBe(true);
    const fifth = await limits.acquireConcurrent("a");
    expect(fifth).toMatchObject({ ok: false, message: expect.stringMatching(/at most 4 running at a time/) });
    expect(await limits.acquireConcurrent("b")).toMatchObject({ ok: true });

    const first = held[0];
    if (first.ok) first.release();
    expect(await limits.acquireConcurrent("a")).toMatchObject({ ok: true });
  });

  it("counts a double release once", async () => {
    const { limits } = limiter({ maxConcurrent: 1 });
    const first = await limits.acquireConcurrent("a");
    if (!first.ok) throw new Error("expected a slot");
    first.release();
    first.release();
    expect(await limits.acquireConcurrent("a")).toMatchObject({ ok: true });
    expect(await limits.acquireConcurrent("a")).toMatchObject({ ok: false });
  });

  it("is off when the limit is 0", async () => {
    const { limits } = limiter({ maxConcurrent: 0 });
    const results = await Promise.all(Array.from({ length: 50 }, () => limits.acquireConcurrent("a")));
    expect(results.every((r) => r.ok)).toBe(true);
  });
});

describe("rateLimitConfigFromEnv", () => {
  it("uses the defaults, reads overrides and treats 0 as off", () => {
    expect(rateLimitConfigFromEnv({})).toEqual({ perMinute: 60, burst: 20, maxConcurrent: 8 });
    expect(rateLimitConfigFromEnv({ MOA_RATE_LIMIT_PER_MIN: "0", MOA_MAX_CONCURRENT_RUNS: "12" })).toEqual({ perMinute: 0, burst: 20, maxConcurrent: 12 });
  });

  it("falls back to the default for nonsense", () => {
    expect(rateLimitConfigFromEnv({ MOA_RATE_LIMIT_PER_MIN: "lots", MOA_MAX_CONCURRENT_RUNS: "-1" })).toMatchObject({ perMinute: 60, maxConcurrent: 8 });
  });
});
