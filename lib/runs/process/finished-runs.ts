import "server-only";
import { processGlobal } from "@/lib/process-global";
import type { LiveRun } from "../live-run";

/**
 * How long, and how many, finished runs stay in memory for viewers that join right at the end.
 * By the time a run is retired its events and outcome are stored, so this is only a cache; each
 * 3×6 run holds ~0.4 MB of events, and keeping every run of the last minute made the heap grow
 * with the rate of runs (hundreds of MB under load).
 */
export const KEEP_FINISHED_MS = 10_000;
export const MAX_FINISHED_KEPT = 64;

/** Ids of finished runs still in memory, oldest first. */
const kept = processGlobal("finished-runs", () => new Set<string>());

/** Keeps a finished run for late viewers, within the time and count bounds; the oldest goes first. */
export function retireFinished(liveRuns: Map<string, LiveRun>, id: string, bounds = { ms: KEEP_FINISHED_MS, max: MAX_FINISHED_KEPT }): void {
  kept.delete(id);
  kept.add(id);
  for (const oldest of kept) {
    if (kept.size <= bounds.max) break;
    kept.delete(oldest);
    liveRuns.delete(oldest);
  }
  setTimeout(() => {
    if (kept.delete(id)) liveRuns.delete(id);
  }, bounds.ms).unref?.();
}
