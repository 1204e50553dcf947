import type { LayerPolicy } from "@/lib/moa/config";
import { createModelResolver } from "@/lib/providers/registry";
import { fmtMs, fmtRatio, measureRun } from "./lib/measure";
import { configOf, paceGrid, simId, type Pace } from "./lib/pace";
import type { Row } from "./lib/table";

const TARGET = 1.15;
const SHAPE = [6, 6, 1];

/** One agent per proposer layer is 10× slower: ten times the time to first token and a tenth of the speed. */
const straggle = (p: Pace): Pace => ({ ...p, ttftMs: p.ttftMs * 10, tokensPerSecond: p.tokensPerSecond / 10 });

function configFor(grid: Pace[][], policy?: LayerPolicy) {
  const ids = grid.map((layer, l) => layer.map((pace, j) => simId(`falcon-l${l}a${j}`, pace)));
  const config = configOf(ids);
  if (policy) config.layers.slice(0, -1).forEach((layer) => (layer.policy = policy));
  return config;
}

export async function benchPolicies(options: { includeWaitForAll?: boolean } = {}): Promise<Row[]> {
  const resolve = createModelResolver({ env: { MOA_SIM_SPEED: "1" } });
  const base = paceGrid(SHAPE);
  // The fastest agent of each proposer layer becomes the straggler, so dropping it costs nothing.
  const slow = base.map((layer, l) => layer.map((p, j) => (l < SHAPE.length - 1 && j === layer.length - 1 ? straggle(p) : p)));
  const baseline = await measureRun(configFor(base), resolve);
  const rows: Row[] = [];
  const policies: Array<[string, LayerPolicy]> = [
    ["quorum 5", { kind: "quorum", k: 5 }],
    ["deadline 200 ms", { kind: "deadline", ms: 200 }],
  ];
  for (const [label, policy] of policies) {
    const run = await measureRun(configFor(slow, policy), resolve);
    const ratio = run.wallMs / baseline.wallMs;
    const skipped = run.events.filter((e) => e.type === "agent-skipped").length;
    rows.push({
      benchmark: "Straggler policy vs no straggler",
      config: `3×6, one agent 10× slower, ${label} on layers 1–2`,
      measured: `${fmtRatio(ratio)} (${fmtMs(run.wallMs)} / ${fmtMs(baseline.wallMs)})`,
      target: `≤ ${TARGET}`,
      status: run.outcome === "run-finished" && ratio <= TARGET ? "PASS" : "MISS",
      note: `${skipped} agents skipped; ${run.outcome}`,
    });
  }
  if (options.includeWaitForAll) {
    const run = await measureRun(configFor(slow), resolve);
    rows.push({
      benchmark: "Straggler policy vs no straggler",
      config: "3×6, one agent 10× slower, wait-for-all (reference)",
      measured: `${fmtRatio(run.wallMs / baseline.wallMs)} (${fmtMs(run.wallMs)} / ${fmtMs(baseline.wallMs)})`,
      target: "-",
      status: "n/a",
      note: "what the policies save",
    });
  }
  return rows;
}
