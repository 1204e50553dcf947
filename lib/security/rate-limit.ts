import "server-only";
type Env = Record<string, string | undefined>;

export interface Rejection {
  ok: false;
  /** Whole seconds, for the Retry-After header. */
  retryAfterS: number;
  /** Safe to show as is. */
  message: string;
}

export type TakeResult = { ok: true } | Rejection;

/** Call `release` when the run ends, however it ends; calling it twice is harmless. */
export type ConcurrentResult = { ok: true; release: () => void } | Rejection;

/**
 * Per-client limits on starting runs. Async so that a PostgreSQL-backed implementation, shared
 * by every instance, can stand in for the in-memory one.
 */
export interface RateLimiter {
  take(clientId: string): Promise<TakeResult>;
  acquireConcurrent(clientId: string): Promise<ConcurrentResult>;
}

export interface RateLimitConfig {
  /** Runs a client may start per minute; 0 disables the limit. */
  perMinute: number;
  /** Runs a client may start back to back before the per-minute pace applies. */
  burst: number;
  /** Runs a client may have going at once; 0 disables the limit. */
  maxConcurrent: number;
}

/** The answer when a client's bucket holds `tokens` (< 1) and refills at `perMs` tokens a millisecond. */
export function rateRejection(perMinute: number, tokens: number, perMs: number): Rejection {
  const retryAfterS = Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
  return { ok: false, retryAfterS, message: `Too many runs: at most ${perMinute} per minute. Try again in ${retryAfterS} s.` };
}

export function concurrencyRejection(max: number): Rejection {
  return { ok: false, retryAfterS: 5, message: `Too many runs at once: at most ${max} running at a time. Stop one or wait for it to finish.` };
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = { perMinute: 60, burst: 20, maxConcurrent: 8 };

function count(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= 0) return value;
  console.warn(`${name}="${raw}" is not a whole number ≥ 0; using ${fallback}.`);
  return fallback;
}

export function rateLimitConfigFromEnv(env: Env = process.env): RateLimitConfig {
  return {
    perMinute: count(env.MOA_RATE_LIMIT_PER_MIN, DEFAULT_RATE_LIMITS.perMinute, "MOA_RATE_LIMIT_PER_MIN"),
    burst: count(env.MOA_RATE_LIMIT_BURST, DEFAULT_RATE_LIMITS.burst, "MOA_RATE_LIMIT_BURST"),
    maxConcurrent: count(env.MOA_MAX_CONCURRENT_RUNS, DEFAULT_RATE_LIMITS.maxConcurrent, "MOA_MAX_CONCURRENT_RUNS"),
  };
}

interface Bucket {
  tokens: number;
  at: number;
}

// Idle clients' buckets are dropped once there are this many, so memory stays bounded.
const SWEEP_AT = 10_000;

/** Token bucket per client for starts, a counter per client for runs in flight. One process only. */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly running = new Map<string, number>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(
    private readonly config: RateLimitConfig = DEFAULT_RATE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    // A burst larger than the per-minute limit would break the promise the message makes.
    this.capacity = Math.max(1, Math.min(config.burst || config.perMinute, config.perMinute));
    this.perMs = config.perMinute / 60_000;
  }

  async take(clientId: string): Promise<TakeResult> {
    if (this.config.perMinute === 0) return { ok: true };
    const now = this.now();
    const bucket = this.refill(this.buckets.get(clientId), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(clientId, bucket);
      if (this.buckets.size > SWEEP_AT) this.sweep(now);
      return { ok: true };
    }
    this.buckets.set(clientId, bucket);
    return rateRejection(this.config.perMinute, bucket.tokens, this.perMs);
  }

  async acquireConcurrent(clientId: string): Promise<ConcurrentResult> {
    const max = this.config.maxConcurrent;
    if (max === 0) return { ok: true, release: () => {} };
    const inFlight = this.running.get(clientId) ?? 0;
    if (inFlight >= max) {
      return concurrencyRejection(max);
    }
    this.running.set(clientId, inFlight + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.running.get(clientId) ?? 1) - 1;
        if (left > 0) this.running.set(clientId, left);
        else this.running.delete(clientId);
      },
    };
  }

  private refill(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.capacity, at: now };
    const elapsed = Math.max(0, now - bucket.at);
    return { tokens: Math.min(this.capacity, bucket.tokens + elapsed * this.perMs), at: now };
  }

  private sweep(now: number): void {
    for (const [id, bucket] of this.buckets) {
      if (this.refill(bucket, now).tokens >= this.capacity) this.buckets.delete(id);
    }
  }
}
