import { loadavg } from "node:os";
import { fmtMs } from "./lib/measure";
import { buildMissing, percentile, postRun, simBoard3x6, startPgliteServer, waitForAllEnded, waitForEnd } from "./lib/pglite-server";
import type { Row } from "./lib/table";

/**
 * Admission under load: BENCH_ADMISSION_RUNS (100) 3×6 simulated runs started over one second
 * against the built app with its default store (PGlite), each POST /api/runs timed from the
 * client. The runs themselves are then awaited, so a fast answer cannot hide a run that never started.
 */
const RUNS = Number(process.env.BENCH_ADMISSION_RUNS ?? 100);
const SPREAD_MS = 1_000;
const P99_TARGET_MS = 100;
const BENCHMARK = "Admission under load";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchAdmission(): Promise<Row[]> {
  const config = `${RUNS} 3×6 sim runs started over ${SPREAD_MS / 1000} s, built app, PGlite`;
  const missing = buildMissing();
  if (missing) return [{ benchmark: BENCHMARK, config, measured: "-", target: "-", status: "skipped", note: missing }];
  const server = await startPgliteServer({ MOA_SIM_SPEED: "1" });
  try {
    const board = simBoard3x6();
    // Route compilation and module loading stay out of the measure.
    for (const i of [0, 1]) {
      const warm = await postRun(server.base, board, `warm-up ${i}`);
      if (warm.id) await waitForEnd(server.base, warm.id);
    }
    const started = performance.now();
    const cpuBefore = server.cpuSeconds();
    const posts = await Promise.all(
      Array.from({ length: RUNS }, (_, i) =>
        delay(Math.round((i / RUNS) * SPREAD_MS)).then(() => postRun(server.base, board, `Question ${i}: explain how vaccines train the immune system.`)),
      ),
    );
    const accepted = posts.filter((p) => p.status === 201 && p.id);
    // One history request a second: polling each run would load the server being measured.
    const finished = await waitForAllEnded(server.base, RUNS);
    const wallMs = performance.now() - started;
    const cpuS = server.cpuSeconds() - cpuBefore;
    const ms = posts.map((p) => p.ms);
    const p99 = percentile(ms, 99);
    return [
      {
        benchmark: `${BENCHMARK}: POST /api/runs latency`,
        config,
        measured: `p50 ${fmtMs(percentile(ms, 50))}, p99 ${fmtMs(p99)} (max ${fmtMs(Math.max(...ms))}); ${accepted.length}/${RUNS} accepted, ${finished}/${RUNS} finished in ${fmtMs(wallMs)}`,
        target: `p99 ≤ ${P99_TARGET_MS} ms, all finish`,
        status: p99 <= P99_TARGET_MS && finished === RUNS ? "PASS" : "MISS",
        note:
          `no viewers attached; the server used ${cpuS.toFixed(1)} s of CPU for the ${RUNS} runs (${((cpuS * 1000) / wallMs).toFixed(2)} cores while they ran); ` +
          `RSS at the end ${Math.round(server.rssMb())} MB; 1-min load average ${loadavg()[0].toFixed(1)} (latency on a machine busier than its cores measures the queue for a CPU)`,
      },
    ];
  } finally {
    await server.stop();
  }
}
