import { spawnSync } from "node:child_process";
import type { Row } from "./lib/table";

interface ChildResult {
  mode: string;
  prompts: number;
  units: number;
  done: number;
  status: string;
  ms: number;
}

function runChild(mode: "noop" | "sim", prompts: number): ChildResult {
  const out = spawnSync("npx", ["tsx", "bench/lib/job-child.ts", mode, String(prompts)], { encoding: "utf8", env: { ...process.env, MOA_JOB_CONCURRENCY: "8" } });
  const line = out.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(line) as ChildResult;
  } catch {
    throw new Error(`job bench (${mode}) printed no result: ${out.stderr.slice(-500)}`);
  }
}

/**
 * An AlpacaEval-sized job (805 prompts × 2 sim variants, each pair judged in both orders by a
 * sim judge: 2,415 units, 3,220 runs) on PGlite in one process, 8 units at once; and the same
 * job with cells that answer at once, whose time per unit is the scheduler's own overhead.
 */
export async function benchJobs(): Promise<Row[]> {
  const sim = runChild("sim", 805);
  const noop = runChild("noop", 805);
  const simOk = sim.status === "finished" && sim.done === sim.units;
  const perUnit = noop.ms / noop.units;
  return [
    {
      benchmark: "experiment job throughput",
      config: "805 AlpacaEval-format prompts × 2 sim variants + 805 verdicts (2,415 units, 3,220 runs), PGlite, 8 at once",
      measured: `${((sim.units / sim.ms) * 1000).toFixed(1)} units/s (${(sim.ms / 1000).toFixed(0)} s in all)`,
      target: "finishes, every unit once",
      status: simOk ? "PASS" : "MISS",
      note: "each cell is a stored run through the run manager; PGlite serializes every query, so this is database-bound",
    },
    {
      benchmark: "job scheduler overhead",
      config: "the same 2,415 units with cells and verdicts that answer at once",
      measured: `${perUnit.toFixed(1)} ms per unit`,
      target: "< 50 ms per unit",
      status: noop.status === "finished" && perUnit < 50 ? "PASS" : "MISS",
      note: "fetch (SKIP LOCKED, one query for all free slots), claim, store, make verdicts due, complete",
    },
  ];
}
