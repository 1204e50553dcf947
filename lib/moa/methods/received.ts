import type { AgentConfig, MoAConfig } from "../config";
import type { ChatMessage } from "../conversation";
import type { AgentRef } from "../events";
import type { AgentState, RunState } from "../run-state";
import { buildRankerMessages } from "../variants/ranker";
import { chairMessages } from "./council";
import { fusionMessages } from "./fusion";
import { buildUscMessages } from "./usc";

/**
 * The answers an agent of `layer` read, in prompt order: what the run's method chose (a
 * method-step with `inputs` for that layer), else every finished answer of the layer before.
 */
export function receivedBy(run: Pick<RunState, "agents" | "steps">, layer: number): AgentState[] {
  if (layer === 0) return [];
  const chosen = run.steps?.findLast((s) => s.layer === layer && s.inputs !== undefined)?.inputs;
  if (chosen) return chosen.flatMap((ref: AgentRef) => run.agents[ref.layer]?.[ref.agent] ?? []);
  return (run.agents[layer - 1] ?? []).filter((a) => a.status === "done");
}

/**
 * The messages a method sent an agent instead of MoA's synthesis, rebuilt from the run, or
 * undefined where it sent MoA's own (so the Inputs view shows exactly what the engine sent).
 */
export function methodMessages(
  run: Pick<RunState, "config" | "steps" | "messages">,
  layer: number,
  agent: AgentConfig,
  answers: string[],
): ChatMessage[] | undefined {
  const config: MoAConfig | undefined = run.config;
  if (!config || layer !== config.layers.length - 1 || layer === 0) return undefined;
  switch (config.method?.kind) {
    case "ranker":
      return buildRankerMessages(run.messages, answers);
    case "usc":
      return buildUscMessages(run.messages, answers);
    case "fusion":
      return fusionMessages(run.messages, agent, answers);
    case "council": {
      const table = run.steps?.findLast((s) => s.layer === layer && s.step === "rank")?.reply ?? "";
      return chairMessages(run.messages, agent, answers, table);
    }
    default:
      return undefined;
  }
}
