import { createModelResolver } from "@/lib/providers/registry";
import { startFakeOpenAI, type FakeBehaviour } from "@/tests/fixtures/fake-openai-server";
import { fmtMs, fmtRatio, measureRun } from "./lib/measure";
import { configOf, idealAnswerMs, idealCriticalPathMs, paceGrid, simId, words, type Pace } from "./lib/pace";
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
    const slowest = paceGrid([1])[0][0];
    fake.setBehaviour("upstream-probe", { ttftMs: slowest.ttftMs, tokensPerSecond: slowest.tokensPerSecond, text: words(slowest.tokens) });
    const upstreamMs = await streamDirectly(fake.baseUrl, slowest);
    const upstreamNote = `the fake server alone (plain fetch, no engine) takes ${fmtRatio(upstreamMs / idealAnswerMs(slowest))}× its ideal (its own floor)`;
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
      rows.push(row("HTTP, fake server", label, run.wallMs, idealCriticalPathMs(grid), run.outcome, upstreamNote));
    }
  } finally {
    await fake.close();
  }
  return rows;
}

/** One completion read with plain fetch: how close the upstream itself keeps to its pace. */
async function streamDirectly(baseUrl: string, pace: Pace): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "upstream-probe", stream: true, messages: [{ role: "user", content: "probe" }] }),
  });
  // The probe's pace is set before the request; setBehaviour is keyed by model name.
  await response.text();
  return performance.now() - started;
}
