/**
 * Next calls `register` once per server process. On the Node.js runtime of a production
 * server it installs the graceful shutdown (see lib/runs/process/shutdown.ts) and, with
 * PostgreSQL, joins the cluster early: heartbeat, sweep of dead instances' runs, cancel watch.
 * It also starts the experiment workers, so queued jobs resume after a restart without a request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installShutdownHandler, joinCluster } = await import("@/lib/runs/process/lifecycle");
  if (process.env.NODE_ENV === "production") installShutdownHandler();
  joinCluster();
  if (process.env.NEXT_PHASE !== "phase-production-build" && process.env.MOA_STORE !== "memory" && process.env.MOA_JOBS !== "off") {
    const { startExperimentWorkers } = await import("@/lib/experiments/jobs/worker");
    startExperimentWorkers().catch((error) => console.error("experiment workers did not start; they start with the next experiment", error));
  }
}
