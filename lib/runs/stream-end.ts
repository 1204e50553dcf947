import "server-only";
import { hasEnded } from "@/lib/moa/run-state";
import { registry } from "./process/registry";
import { isRunId } from "./ids";
import { getRunStore } from "./store";

/**
 * True when a viewer resuming after `afterSeq` has already had everything the run will ever
 * send: the run has ended and nothing comes after that seq. The events route then answers 204,
 * the one answer that makes a standard EventSource stop reconnecting to a finished run.
 */
export async function endAlreadyDelivered(id: string, afterSeq: number): Promise<boolean> {
  if (afterSeq < 0 || !isRunId(id)) return false;
  const live = registry.liveRuns.get(id);
  if (live) return live.ended && live.events.length - 1 <= afterSeq;
  const store = await getRunStore();
  const run = await store.getRun(id);
  if (!run || !hasEnded(run.status)) return false;
  return (await store.getEvents(id, afterSeq)).length === 0;
}
