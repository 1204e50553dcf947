import { loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fmtMs } from "./lib/measure";
import { configOf, simId, type Pace } from "./lib/pace";
import type { Row } from "./lib/table";

const COUNTS = (process.env.BENCH_COUNTS ?? "10,50,100").split(",").map(Number);
const P99_TARGET_MS = 100;
const SPREAD_MS = 1000;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// A realistic hosted-model pace: ~2 s per layer.
const PACE: Pace = { ttftMs: 300, tokensPerSecond: 60, tokens: 100 };

interface Lifecycle {
  start(index: number): Promise<string>;
  status(id: string): Promise<string>;
  label: string;
}

/** Through the real run lifecycle (store, live fan-out, event buffer) with the memory store. */
async function lifecycle(): Promise<Lifecycle> {
  process.env.MOA_STORE = "memory";
  process.env.MOA_SIM_SPEED = "1";
  const { startRun, getRunState } = await import("@/lib/runs/run-manager");
  const ids = [6, 6, 1].map((count, l) => Array.from({ length: count }, (_, j) => simId(`falcon-l${l}a${j}`, PACE)));
  const config = configOf(ids);
  const ended = new Map<string, () => void>();
  return {
    label: "run-manager startRun, memory store",
    async start(index) {
      let done!: () => void;
      const finished = new Promise<void>((resolve) => (done = resolve));
      const messages = [{ role: "user" as const, content: `Question ${index}: explain how vaccines train the immune system.` }];
      const { id } = await startRun({ config, messages }, { onEnd: () => done() });
      ended.set(id, done);
      await finished;
      return id;
    },
    status: async (id) => (await getRunState(id)).status,
  };
}

export async function benchCapacity(): Promise<Row[]> {
  const rows: Row[] = [];
  let life: Lifecycle;
  try {
    life = await lifecycle();
  } catch (error) {
    return [{ benchmark: "Server capacity", config: "-", measured: "-", target: "-", status: "not measured", note: `could not load the run lifecycle: ${String(error)}` }];
  }
  // Module loading and JIT warm-up block the loop for a second or more: keep them out of the measure.
  await Promise.all([0, 1].map((i) => life.start(i)));
  for (const n of COUNTS) {
    global.gc?.();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    loop.enable();
    // Arrivals spread over a second, as real traffic is: in lockstep, every run's layer change lands in
    // the same instant, and the simulator spends ~3 ms of CPU composing each aggregator answer.
    const ids = await Promise.all(Array.from({ length: n }, (_, i) => delay(Math.round((i / n) * SPREAD_MS)).then(() => life.start(i))));
    loop.disable();
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuShare = (cpu.user + cpu.system) / 1000 / wallMs;
    clearInterval(sampler);
    const statuses = await Promise.all(ids.map((id) => life.status(id)));
    const finished = statuses.filter((s) => s === "finished").length;
    const p99 = loop.percentile(99) / 1e6;
    const ok = finished === n && p99 <= P99_TARGET_MS;
    rows.push({
      benchmark: "Server capacity",
      config: `${n} concurrent 3×6 runs`,
      measured: `${finished}/${n} finished; p99 loop delay ${p99.toFixed(1)} ms (max ${(loop.max / 1e6).toFixed(0)} ms); peak RSS ${Math.round(peakRss / 2 ** 20)} MB; all done in ${fmtMs(wallMs)} using ${cpuShare.toFixed(2)} cores`,
      target: `all finish, p99 ≤ ${P99_TARGET_MS} ms`,
      status: ok ? "PASS" : "MISS",
      note: `${life.label}; starts spread over ${SPREAD_MS / 1000} s; sim ${PACE.ttftMs} ms ttft, ${PACE.tokensPerSecond} tok/s, ${PACE.tokens} tokens per agent; 1-min load average ${loadavg()[0].toFixed(1)}`,
    });
  }
  return rows;
}
