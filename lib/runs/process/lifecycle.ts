import "server-only";
import { processGlobal } from "@/lib/process-global";
import { isClustered } from "@/lib/db/backend";
import { drainRuns, releaseResources, shutdownGraceMs } from "./shutdown";

const shutdown = processGlobal("shutdown-handler", () => ({ installed: false }));

/**
 * SIGTERM: stop taking runs, drain (MOA_SHUTDOWN_GRACE_MS), store what is left, exit 0.
 * `next start` has its own SIGTERM handler that closes the HTTP server at once and exits 143;
 * unless NEXT_MANUAL_SIG_HANDLE is set (then Next installs none) we take its place, because
 * a closed server could neither answer 503 to new runs nor keep streaming the draining ones.
 */
export function installShutdownHandler(): void {
  if (shutdown.installed) return;
  shutdown.installed = true;
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) {
    for (const listener of process.listeners("SIGTERM")) process.removeListener("SIGTERM", listener);
  }
  process.once("SIGTERM", () => {
    const graceMs = shutdownGraceMs();
    console.log(`SIGTERM: taking no new runs; waiting up to ${graceMs} ms for running ones`);
    drainRuns(graceMs)
      .then(({ finished, interrupted }) => console.log(`SIGTERM: ${finished} run(s) finished, ${interrupted} interrupted`))
      .then(releaseResources)
      .catch((error) => console.error("SIGTERM: shutdown did not complete cleanly", error))
      // A moment for the last SSE chunks of drained runs to leave the sockets.
      .finally(() => setTimeout(() => process.exit(0), 250));
  });
}

/** With PostgreSQL: register this instance (heartbeat + sweep) and watch for cancels now, not on first request. */
export function joinCluster(): void {
  if (!isClustered()) return;
  void (async () => {
    const { getRunStore } = await import("../store");
    const { watchCancels } = await import("../fanout/cancel");
    await getRunStore();
    await watchCancels();
  })().catch((error) => console.error("could not join the cluster at startup; will retry on first use", error));
}
