/**
 * Next calls `register` once per server process. On the Node.js runtime of a production
 * server it installs the graceful shutdown (see lib/runs/process/shutdown.ts) and, with
 * PostgreSQL, joins the cluster early: heartbeat, sweep of dead instances' runs, cancel watch.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installShutdownHandler, joinCluster } = await import("@/lib/runs/process/lifecycle");
  if (process.env.NODE_ENV === "production") installShutdownHandler();
  joinCluster();
}
