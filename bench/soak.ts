import { fmtMs } from "./lib/measure";
import { buildMissing, postRun, simBoard3x6, startPgliteServer, type BuiltServer } from "./lib/pglite-server";
import type { Row } from "./lib/table";

/**
 * Memory soak: BENCH_SOAK_RUNS (1,000) 3×6 simulated runs through the built app with its default
 * store (PGlite), BENCH_SOAK_CONCURRENCY (25) at a time, each watched to its end over SSE, then
 * BENCH_SOAK_IDLE_MS of nothing. The server's RSS (what the OS charges it) is read from /proc.
 */
const RUNS = Number(process.env.BENCH_SOAK_RUNS ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_SOAK_CONCURRENCY ?? 25);
// Past the 10 s for which finished runs stay in memory (lib/runs/process/finished-runs.ts).
const IDLE_MS = Number(process.env.BENCH_SOAK_IDLE_MS ?? 20_000);
const SIM_SPEED = "20";
/** Growth over the warm-up server: a bound, not a function of how many runs it has served. */
const RUNS_GROWTH_TARGET_MB = 150;
const IDLE_GROWTH_TARGET_MB = 100;
const BENCHMARK = "Memory soak";

/** Starts a run and reads its event stream to the end; false when it did not start or end. */
async function runToEnd(server: BuiltServer, i: number): Promise<boolean> {
  const { id } = await postRun(server.base, simBoard3x6(), `Soak ${i}: how do tides work?`);
  if (!id) return false;
  const response = await fetch(`${server.base}/api/runs/${id}/events`);
  const text = await response.text();
  return /"type":"run-(finished|failed|cancelled|interrupted)"/.test(text);
}

const mb = (n: number) => `${Math.round(n)} MB`;

export async function benchSoak(): Promise<Row[]> {
  const config = `${RUNS} 3×6 sim runs (speed ${SIM_SPEED}), ${CONCURRENCY} at a time, each watched over SSE; built app, PGlite`;
  const missing = buildMissing();
  if (missing) return [{ benchmark: BENCHMARK, config, measured: "-", target: "-", status: "skipped", note: missing }];
  const server = await startPgliteServer({ MOA_SIM_SPEED: SIM_SPEED });
  try {
    // Before the first request the database is not open yet: this is Next alone.
    const unopened = server.rssMb();
    for (const i of [0, 1]) await runToEnd(server, -1 - i);
    const baseline = server.rssMb();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, server.rssMb())), 500);
    const started = performance.now();
    let next = 0;
    let ended = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < RUNS) if (await runToEnd(server, next++)) ended += 1;
      }),
    );
    const wallMs = performance.now() - started;
    clearInterval(sampler);
    const afterRuns = server.rssMb();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const afterIdle = server.rssMb();
    return [
      {
        benchmark: `${BENCHMARK}: server RSS`,
        config,
        measured: `${mb(baseline)} after warm-up → ${mb(afterRuns)} after ${ended}/${RUNS} runs (peak ${mb(peak)}) → ${mb(afterIdle)} after ${IDLE_MS / 1000} s idle`,
        target: `after the runs ≤ warm-up + ${RUNS_GROWTH_TARGET_MB} MB, after idle ≤ warm-up + ${IDLE_GROWTH_TARGET_MB} MB; all end`,
        status: afterRuns - baseline <= RUNS_GROWTH_TARGET_MB && afterIdle - baseline <= IDLE_GROWTH_TARGET_MB && ended === RUNS ? "PASS" : "MISS",
        note:
          `${mb(unopened)} before the first request opened PGlite: most of the rest is its WebAssembly memory, taken once when the database opens; ` +
          `runs took ${fmtMs(wallMs)}`,
      },
    ];
  } finally {
    await server.stop();
  }
}
