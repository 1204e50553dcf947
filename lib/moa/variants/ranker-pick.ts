import type { RunState } from "../run-state";

/** Which answer an LLM-Ranker run answered with: one of the layer before the ranker, copied verbatim. */
export interface RankerPick {
  /** 0-based layer of the candidates: the proposers only when the board has two layers. */
  layer: number;
  agent: number;
  model: string;
  /** 0-based among the candidates the ranker saw (the agents of that layer that finished). */
  candidate: number;
  of: number;
}

export function rankerPick(run: RunState): RankerPick | null {
  if (run.agents.length < 2 || run.finalText === "") return null;
  const layer = run.agents.length - 2;
  const candidates = run.agents[layer].filter((a) => a.status === "done");
  const candidate = candidates.findIndex((a) => a.text === run.finalText);
  if (candidate < 0) return null;
  const { agent, model } = candidates[candidate];
  return { layer, agent, model, candidate, of: candidates.length };
}

/**
 * Says whose answer is shown. With three layers the ranker reads layer 2's aggregators, not
 * the proposers: "picked #1 of the proposers" over a layer-2 answer was untrue.
 */
export function rankerPickLabel(pick: RankerPick): string {
  const answers = pick.of === 1 ? "the only" : `the ${pick.of}`;
  const pool = pick.layer === 0 ? `${answers} proposer answer${pick.of === 1 ? "" : "s"}` : `${answers} answer${pick.of === 1 ? "" : "s"} of layer ${pick.layer + 1}'s aggregators`;
  return `Picked Layer ${pick.layer + 1} · Agent ${pick.agent + 1}'s answer verbatim, candidate ${pick.candidate + 1} of ${pool}.`;
}
