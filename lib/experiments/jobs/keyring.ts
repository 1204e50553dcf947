import "server-only";
import { processGlobal } from "@/lib/process-global";
import type { RunKeys } from "@/lib/wire/keys";

type Env = Record<string, string | undefined>;

interface Held {
  keys: RunKeys;
  expiresAt: number;
}

/**
 * Keys a user pasted for an experiment job, in this process's memory only: never in the
 * database, the queue, an event or a log. A restart, another instance or the TTL loses them;
 * the job then waits for its owner to send them again (resume), it never runs on server keys.
 */
const ring = processGlobal("experimentKeyring", () => new Map<string, Held>());

/** How long pasted keys are kept without the owner sending them again (MOA_JOB_KEYS_TTL_S, default 12 h). */
export function keyringTtlMs(env: Env = process.env): number {
  const s = Number(env.MOA_JOB_KEYS_TTL_S);
  return (Number.isFinite(s) && s > 0 ? s : 12 * 3600) * 1000;
}

export function holdKeys(experimentId: string, keys: RunKeys, now = Date.now()): void {
  ring.set(experimentId, { keys: { ...keys }, expiresAt: now + keyringTtlMs() });
}

/** The experiment's keys while they are held and fresh; an expired entry is dropped on sight. */
export function keysFor(experimentId: string, now = Date.now()): RunKeys | undefined {
  const held = ring.get(experimentId);
  if (!held) return undefined;
  if (held.expiresAt <= now) {
    ring.delete(experimentId);
    return undefined;
  }
  return held.keys;
}

/** The job ended (finished, cancelled, deleted, over budget): its keys have no further use. */
export function dropKeys(experimentId: string): void {
  ring.delete(experimentId);
}

/** Forgets every held key, as a restart would (tests). */
export function forgetAllKeys(): void {
  ring.clear();
}
