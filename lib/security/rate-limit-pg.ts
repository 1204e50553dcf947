import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { processGlobal } from "@/lib/process-global";
import { concurrencyRejection, rateRejection, type ConcurrentResult, type RateLimitConfig, type RateLimiter, type TakeResult } from "./rate-limit";

/** Slots of instances silent for this long no longer count (their runs were swept). */
const STALE_SLOT_MS = 30_000;

const slots = processGlobal("rate-limit-slot-beat", () => ({} as { beat?: Promise<void> }));

async function database() {
  // Loaded on first use: importing this module must not open or bundle a database client.
  const [{ getDb }, { beat, processInstanceId }] = await Promise.all([import("@/lib/db/client"), import("@/lib/db/instances")]);
  const db = await getDb();
  const instanceId = processInstanceId();
  // Slots count only for instances with a heartbeat row; make sure ours exists before the first one.
  slots.beat ??= beat(db, instanceId).catch((error) => {
    slots.beat = undefined;
    throw error;
  });
  await slots.beat;
  return { db, instanceId };
}

/**
 * The same limits as InMemoryRateLimiter, kept in PostgreSQL so that they hold across every
 * instance: a token bucket row per client (refilled lazily in the UPDATE itself, so concurrent
 * takes cannot both spend the last token), and a row per run in flight.
 */
export class PgRateLimiter implements RateLimiter {
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(private readonly config: RateLimitConfig) {
    this.capacity = Math.max(1, Math.min(config.burst || config.perMinute, config.perMinute));
    this.perMs = config.perMinute / 60_000;
  }

  async take(clientId: string): Promise<TakeResult> {
    if (this.config.perMinute === 0) return { ok: true };
    const { db } = await database();
    const refilled = sql`least(${this.capacity}::float8, rate_limit_buckets.tokens
      + extract(epoch from (now() - rate_limit_buckets.updated_at)) * 1000 * ${this.perMs}::float8)`;
    const { rows } = await db.execute(sql`
      insert into rate_limit_buckets as rate_limit_buckets (client_id, tokens, updated_at)
      values (${clientId}, ${this.capacity - 1}::float8, now())
      on conflict (client_id) do update set tokens = ${refilled} - 1, updated_at = now()
      where ${refilled} >= 1
      returning tokens`);
    if (rows.length > 0) return { ok: true };
    const current = await db.execute(sql`
      select ${refilled} as tokens from rate_limit_buckets where client_id = ${clientId}`);
    const tokens = Number(current.rows[0]?.tokens ?? 0);
    return rateRejection(this.config.perMinute, tokens, this.perMs);
  }

  async acquireConcurrent(clientId: string): Promise<ConcurrentResult> {
    const max = this.config.maxConcurrent;
    if (max === 0) return { ok: true, release: () => {} };
    const { db, instanceId } = await database();
    const slotId = randomUUID();
    // One transaction per client at a time (advisory lock): count and insert cannot interleave.
    const acquired = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`moa-slots:${clientId}`}))`);
      const { rows } = await tx.execute(sql`
        select count(*)::int as n from run_slots s
        join instances i on i.id = s.instance_id
        where s.client_id = ${clientId}
          and i.heartbeat_at > now() - (${STALE_SLOT_MS} * interval '1 millisecond')`);
      if (Number(rows[0]?.n ?? 0) >= max) return false;
      await tx.execute(sql`insert into run_slots (id, client_id, instance_id) values (${slotId}, ${clientId}, ${instanceId})`);
      return true;
    });
    if (!acquired) {
      return concurrencyRejection(max);
    }
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        db.execute(sql`delete from run_slots where id = ${slotId}`).catch((error) =>
          console.error("could not release a run slot; it expires with this instance", error),
        );
      },
    };
  }
}
