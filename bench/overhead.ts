import { createModelResolver } from "@/lib/providers/registry";
import { startFakeOpenAI, type FakeBehaviour } from "@/tests/fixtures/fake-openai-server";
import { fmtMs, fmtRatio, measureRun } from "./lib/measure";
import { configOf, idealCriticalPathMs, paceGrid, simId, words, type Pace } from "./lib/pace";
import type { Row } from "./lib/table";

const TARGET = 1.03;
const SHAPES: Array<{ label: string; shape: number[] }> = [
  { label: "1×1", shape: [1] },
  { label: "3×3", shape: [3, 3, 1] },
  { label: "3×6", shape: [6, 6, 1] },
];

function row(transport: string, label: string, wallMs: number, idealMs: number, outcome: string, note = ""): Row {
  const ratio = wallMs / idealMs;
  const ok = outcome === "run-finished" && ratio <= TARGET;
  return {
    benchmark: `Orchestration overhead (${transport})`,
    config: label,
    measured: `${fmtRatio(ratio)} (${fmtMs(wallMs)} / ideal ${fmtMs(idealMs)})`,
    target: `≤ ${TARGET}`,
    status: ok ? "PASS" : "MISS",
    note: [outcome === "run-finished" ? "" : `run ended with ${outcome}`, note].filter(Boolean).join("; "),
  };
}

export async function benchOverhead(): Promise<Row[]> {
  const rows: Row[] = [];
  const simResolve = createModelResolver({ env: { MOA_SIM_SPEED: "1" } });
  for (const { label, shape } of SHAPES) {
    const grid = paceGrid(shape);
    const ids = grid.map((layer, l) => layer.map((pace, j) => simId(`falcon-l${l}a${j}`, pace)));
    const run = await measureRun(configOf(ids), simResolve);
    rows.push(row("in-process sim", label, run.wallMs, idealCriticalPathMs(grid), run.outcome));
  }

  const fake = await startFakeOpenAI();
  try {
    const httpResolve = createModelResolver({ env: { OPENAI_COMPATIBLE_BASE_URL: fake.baseUrl } });
    for (const { label, shape } of SHAPES) {
      const grid = paceGrid(shape);
      const ids = grid.map((layer, l) =>
        layer.map((pace: Pace, j) => {
          const name = `${label}-l${l}a${j}`;
          const behaviour: FakeBehaviour = { ttftMs: pace.ttftMs, tokensPerSecond: pace.tokensPerSecond, text: words(pace.tokens) };
          fake.setBehaviour(name, behaviour);
          return `compat:${name}`;
        }),
      );
      const run = await measureRun(configOf(ids), httpResolve);
      rows.push(row("HTTP, fake server", label, run.wallMs, idealCriticalPathMs(grid), run.outcome));
    }
  } finally {
    await fake.close();
  }
  return rows;
}
