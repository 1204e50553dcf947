import { loadavg } from "node:os";
import { fmtMs } from "./lib/measure";
import { buildMissing, percentile, postRun, simBoard3x6, startPgliteServer, waitForAllEnded, waitForEnd } from "./lib/pglite-server";
import type { Row } from "./lib/table";

/**
 * Admission under load: BENCH_ADMISSION_RUNS (100) 3×6 simulated runs started over one second
 * against the built app with its default store (PGlite), each POST /api/runs timed from the
 * client. The runs themselves are then awaited, so a fast answer cannot hide a run that never started.
 * The same load is then sent to a server with the engine on its own thread (MOA_ENGINE_THREAD=1),
 * and to one with PGlite on the event loop (MOA_PGLITE_IN_PROCESS=1): what each placement is
 * worth, measured in the same run.
 */
const RUNS = Number(process.env.BENCH_ADMISSION_RUNS ?? 100);
const SPREAD_MS = 1_000;
const P99_TARGET_MS = 100;
const BENCHMARK = "Admission under load";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Admission {
  p50: number;
  p99: number;
  max: number;
  accepted: number;
  finished: number;
  wallMs: number;
  cpuS: number;
  rssMb: number;
}

async function measureAdmission(env: Record<string, string>): Promise<Admission> {
  const server = await startPgliteServer({ MOA_SIM_SPEED: "1", ...env });
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
    // One history request a second: polling each run would load the server being measured.
    const finished = await waitForAllEnded(server.base, RUNS);
    const ms = posts.map((p) => p.ms);
    return {
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      max: Math.max(...ms),
      accepted: posts.filter((p) => p.status === 201 && p.id).length,
      finished,
      wallMs: performance.now() - started,
      cpuS: server.cpuSeconds() - cpuBefore,
      rssMb: server.rssMb(),
    };
  } finally {
    await server.stop();
  }
}

export async function benchAdmission(): Promise<Row[]> {
  const config = `${RUNS} 3×6 sim runs started over ${SPREAD_MS / 1000} s, built app, PGlite`;
  const missing = buildMissing();
  if (missing) return [{ benchmark: BENCHMARK, config, measured: "-", target: "-", status: "skipped", note: missing }];
  const m = await measureAdmission({});
  const engineThread = await measureAdmission({ MOA_ENGINE_THREAD: "1" });
  const pgliteInProcess = await measureAdmission({ MOA_PGLITE_IN_PROCESS: "1" });
  return [
    {
      benchmark: `${BENCHMARK}: POST /api/runs latency`,
      config,
      measured: `p50 ${fmtMs(m.p50)}, p99 ${fmtMs(m.p99)} (max ${fmtMs(m.max)}); ${m.accepted}/${RUNS} accepted, ${m.finished}/${RUNS} finished in ${fmtMs(m.wallMs)}`,
      target: `p99 ≤ ${P99_TARGET_MS} ms, all finish`,
      status: m.p99 <= P99_TARGET_MS && m.finished === RUNS ? "PASS" : "MISS",
      note:
        `Engine on the event loop, PGlite on its worker thread. Same load, same run: engine on its own thread too (MOA_ENGINE_THREAD=1) p50 ${fmtMs(engineThread.p50)}, p99 ${fmtMs(engineThread.p99)}; ` +
        `PGlite on the event loop (MOA_PGLITE_IN_PROCESS=1) p50 ${fmtMs(pgliteInProcess.p50)}, p99 ${fmtMs(pgliteInProcess.p99)}. ` +
        `No viewers attached; the server used ${m.cpuS.toFixed(1)} s of CPU for the ${RUNS} runs (${((m.cpuS * 1000) / m.wallMs).toFixed(2)} cores while they ran); ` +
        `RSS at the end ${Math.round(m.rssMb)} MB; 1-min load average ${loadavg()[0].toFixed(1)} (latency on a machine busier than its cores measures the queue for a CPU)`,
    },
  ];
}
