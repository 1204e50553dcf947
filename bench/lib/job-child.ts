/**
 * One experiment job in a process of its own (an in-memory PGlite, the real queue and workers),
 * for `bench/jobs.ts`: `tsx bench/lib/job-child.ts <noop|sim> <prompts>` prints one JSON line.
 * Env is set before anything opens the database.
 */
process.env.MOA_DATA_DIR = "memory://";
delete process.env.MOA_STORE;
delete process.env.DATABASE_URL;
process.env.MOA_JOB_CONCURRENCY ??= "8";

async function main(): Promise<void> {
  const [mode = "sim", count = "805"] = process.argv.slice(2);
  const prompts = Number(count);
  const [{ getDb }, { createExperiment, experimentSummary }, { startExperimentWorkers, stopExperimentWorkers }, { alpacaPlan }] = await Promise.all([
    import("@/lib/db/client"),
    import("@/lib/experiments/jobs/service"),
    import("@/lib/experiments/jobs/worker"),
    import("../../tests/integration/experiments/fixtures"),
  ]);
  await getDb();
  // A cell that answers at once: what is left is the scheduler (fetch, claim, store, make due, complete).
  const noop = {
    runCell: async () => ({ runId: "r", status: "finished" as const, text: "x", inputTokens: 0, outputTokens: 0, costUsd: 0, costEstimated: false, tflops: 0, durationMs: 0 }),
    judge: async () => ({ judgement: { winner: "a" as const, consistent: true, reasons: [], runIds: [] }, costUsd: 0 }),
  };
  await startExperimentWorkers(mode === "noop" ? noop : undefined);
  const started = performance.now();
  const { id, total } = await createExperiment({ plan: alpacaPlan(prompts) }, "b".repeat(64));
  for (;;) {
    const { summary } = await experimentSummary(id);
    if (summary.status !== "running") {
      const ms = performance.now() - started;
      console.log(JSON.stringify({ mode, prompts, units: total, done: summary.done, status: summary.status, ms }));
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  stopExperimentWorkers();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
