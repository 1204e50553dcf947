import { createModelResolver } from "@/lib/providers/registry";
import { measureRun } from "@/bench/lib/measure";
import { configOf, idealAnswerMs, paceGrid, simId } from "@/bench/lib/pace";
async function main() {
  const resolve = createModelResolver({ env: { MOA_SIM_SPEED: "1" } });
  for (const shape of [[1], [1], [6, 6, 1]]) {
    const grid = paceGrid(shape);
    const ids = grid.map((layer, l) => layer.map((pace, j) => simId(`falcon-l${l}a${j}`, pace)));
    const run = await measureRun(configOf(ids), resolve);
    console.log("wall", Math.round(run.wallMs));
    for (const e of run.events) {
      if (e.type === "layer-started" || e.type === "layer-finished") console.log(e.t, e.type, e.layer);
      if (e.type === "agent-finished") console.log(e.t, "fin", e.layer, e.agent, "ttft", e.ttftMs, "dur", e.durationMs, "ideal", Math.round(idealAnswerMs(grid[e.layer][e.agent])), e.text.split(/\s+/).filter(Boolean).length);
    }
  }
}
void main();
