import type { RunState } from "@/lib/moa/run-state";

/**
 * Which of a simulated world's key points and wrong claims each answer of a run carried, laid
 * out so a class can follow the points up the layers: a proposer finds some, an aggregator
 * keeps (or drops) what its inputs had and repeats (or catches) their wrong claims.
 */

export interface PointRef {
  id: string;
  text: string;
}

export interface MatrixAnswer {
  layer: number;
  agent: number;
  model: string;
  /** The last layer's single agent: its answer is the run's answer. */
  final: boolean;
  /** Ids of the key points and wrong claims this answer carried. */
  carried: { points: string[]; wrong: string[] };
}

/**
 * carried: in the answer. dropped: a key point its inputs had that it left out. caught: a
 * wrong claim its inputs made that it did not repeat. absent: neither.
 */
export type CellState = "carried" | "dropped" | "caught" | "absent";

export interface MatrixRow extends MatrixAnswer {
  points: CellState[];
  wrong: CellState[];
  pointCount: number;
  wrongCount: number;
  /** Key points / wrong claims present in the answers it read (undefined for layer 1). */
  inputPoints?: number;
  inputWrong?: number;
}

export interface LayerSummary {
  layer: number;
  answers: number;
  /** Distinct key points carried by at least one answer of the layer. */
  pointsTogether: number;
  wrongTogether: number;
  /** The most key points a single answer of the layer carried. */
  bestPoints: number;
}

export interface CarriedMatrix {
  points: PointRef[];
  wrong: PointRef[];
  rows: MatrixRow[];
  layers: LayerSummary[];
}

function union(answers: MatrixAnswer[], pick: (a: MatrixAnswer) => string[]): Set<string> {
  return new Set(answers.flatMap(pick));
}

/**
 * The matrix for `answers` (any order; rows come out by layer, then agent). An answer's inputs
 * are taken to be every answer of the layer before it, as in a run without a quorum policy.
 */
export function buildCarriedMatrix(world: { points: PointRef[]; wrong: PointRef[] }, answers: MatrixAnswer[]): CarriedMatrix {
  const sorted = [...answers].sort((a, b) => a.layer - b.layer || a.agent - b.agent);
  const byLayer = new Map<number, MatrixAnswer[]>();
  for (const a of sorted) byLayer.set(a.layer, [...(byLayer.get(a.layer) ?? []), a]);

  const rows = sorted.map((answer): MatrixRow => {
    const previous = byLayer.get(answer.layer - 1);
    const inPoints = previous ? union(previous, (a) => a.carried.points) : undefined;
    const inWrong = previous ? union(previous, (a) => a.carried.wrong) : undefined;
    const points = new Set(answer.carried.points);
    const wrong = new Set(answer.carried.wrong);
    return {
      ...answer,
      points: world.points.map((p) => (points.has(p.id) ? "carried" : inPoints?.has(p.id) ? "dropped" : "absent")),
      wrong: world.wrong.map((w) => (wrong.has(w.id) ? "carried" : inWrong?.has(w.id) ? "caught" : "absent")),
      pointCount: world.points.filter((p) => points.has(p.id)).length,
      wrongCount: world.wrong.filter((w) => wrong.has(w.id)).length,
      inputPoints: inPoints && world.points.filter((p) => inPoints.has(p.id)).length,
      inputWrong: inWrong && world.wrong.filter((w) => inWrong.has(w.id)).length,
    };
  });

  const layers = [...byLayer.entries()].map(([layer, list]): LayerSummary => {
    const points = union(list, (a) => a.carried.points);
    const wrong = union(list, (a) => a.carried.wrong);
    const layerRows = rows.filter((r) => r.layer === layer);
    return {
      layer,
      answers: list.length,
      pointsTogether: world.points.filter((p) => points.has(p.id)).length,
      wrongTogether: world.wrong.filter((w) => wrong.has(w.id)).length,
      bestPoints: Math.max(0, ...layerRows.map((r) => r.pointCount)),
    };
  });

  return { points: world.points, wrong: world.wrong, rows, layers };
}

export interface RunAnswer {
  layer: number;
  agent: number;
  model: string;
  final: boolean;
  text: string;
}

/** The finished answers of a run's simulated agents; a real model in the run has no ground truth to check. */
export function simAnswersOf(run: Pick<RunState, "agents">): RunAnswer[] {
  const last = run.agents.length - 1;
  return run.agents.flatMap((row, layer) =>
    row
      .filter((a) => a.model.startsWith("sim:") && a.text.trim() !== "" && (a.status === "done" || a.status === "stopped"))
      .map((a) => ({ layer, agent: a.agent, model: a.model, final: layer === last, text: a.text })),
  );
}

/** What the simulator answered: the last user message of the run's conversation. */
export function questionOf(run: Pick<RunState, "messages">): string | undefined {
  return run.messages.findLast((m) => m.role === "user")?.content;
}
