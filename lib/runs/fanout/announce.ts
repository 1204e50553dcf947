import "server-only";
import type { RunEvent } from "@/lib/moa/events";
import type { RunStore } from "../run-store";
import { EVENTS_CHANNEL, encodeEventsNotice } from "./notice";
import { notify } from "./pg";

/** How often the executing instance writes (and announces) events when other instances may watch. */
export const CLUSTER_FLUSH_MS = 50;

/**
 * The run store, plus a NOTIFY after each stored batch. The notice goes out only after the
 * batch committed, so a listener that reads the table on a notice always finds the events.
 * A failed NOTIFY is logged, not thrown: the batch is stored, and retrying it would write it twice;
 * listeners poll the table as a fallback.
 */
export function announcingStore(store: RunStore): RunStore {
  return {
    ...store,
    async appendEvents(runId: string, events: RunEvent[]) {
      await store.appendEvents(runId, events);
      if (events.length === 0) return;
      await notify(EVENTS_CHANNEL, encodeEventsNotice(runId, events)).catch((error) =>
        console.error(`run ${runId}: could not announce events`, error),
      );
    },
  };
}
