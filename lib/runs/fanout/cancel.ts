import "server-only";
import { processGlobal } from "@/lib/process-global";
import { CANCEL_CHANNEL } from "./notice";
import { ensureListener, onChannel } from "./listener";
import { cancelFlagged, flagCancel, notify } from "./pg";
import { registry } from "../process/registry";

/** The stored flag is checked this often, in case the NOTIFY was missed (the issue allows 500 ms). */
const POLL_MS = 250;

const watch = processGlobal("cancel-watch", () => ({} as { poll?: ReturnType<typeof setInterval> }));

function abortLocal(runId: string, reason: string): void {
  const live = registry.liveRuns.get(runId);
  if (live && !live.ended && !live.controller.signal.aborted) live.controller.abort(reason);
}

/**
 * On the executing instance: aborts local runs that any instance asked to cancel, on the
 * NOTIFY at once, or from the stored flag within POLL_MS. Idempotent.
 */
export async function watchCancels(): Promise<void> {
  if (!watch.poll) startPolling();
  // Without the LISTEN connection the poll still catches every cancel, only later.
  await ensureListener().catch((error) => console.error("cancel listener unavailable; polling only", error));
}

function startPolling(): void {
  onChannel(CANCEL_CHANNEL, (payload) => payload && abortLocal(payload, "cancelled by user"));
  watch.poll = setInterval(() => {
    const open = [...registry.liveRuns.values()].filter((run) => !run.ended).map((run) => run.id);
    if (open.length === 0) return;
    cancelFlagged(open)
      .then((ids) => ids.forEach((id) => abortLocal(id, "cancelled by user")))
      .catch((error) => console.error("cancel poll failed", error));
  }, POLL_MS);
  watch.poll.unref?.();
}

/** From any instance: records the request and tells the executing instance. False if the run is not open. */
export async function requestCancel(runId: string): Promise<boolean> {
  if (!(await flagCancel(runId))) return false;
  await notify(CANCEL_CHANNEL, runId).catch((error) => console.error(`run ${runId}: cancel NOTIFY failed`, error));
  return true;
}
