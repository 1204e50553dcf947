import type { AgentConfig, MoAConfig } from "../config";
import type { ChatMessage } from "../conversation";
import type { AgentRef, EventOf, Usage } from "../events";

/** A finished answer and where it came from. */
export interface Answer {
  ref: AgentRef;
  text: string;
}

/** What a method decides before a layer runs. */
export interface LayerPlan {
  /** The answers the layer reads, in order; default: every answer of the last layer that ran. */
  inputs?: Answer[];
  /** The messages each agent of the layer gets, built from its inputs' texts; default: MoA's synthesis. */
  messages?: (agent: AgentConfig, answers: string[]) => ChatMessage[];
  /** Skip the layer (an early stop): its agents are marked skipped with this reason. */
  skip?: string;
}

export type StepBody = Omit<EventOf<"method-step">, "runId" | "seq" | "t" | "type">;

export type CallResult = { ok: true; text: string; usage: Usage } | { ok: false; error: string };

/** What the engine lends a method while it runs. */
export interface MethodContext {
  config: MoAConfig;
  messages: ChatMessage[];
  signal: AbortSignal;
  /** Finished answers of each layer that ran, in agent order; undefined for layers not run (yet). */
  answers: Array<Answer[] | undefined>;
  /** The inputs each layer read (after the first), as chosen. */
  inputs: Array<Answer[] | undefined>;
  /** The last layer before `index` that ran. */
  lastRan(index: number): number;
  /** One model call outside the layers (judge, ranker, reviewer, moderator): no deltas, the text at the end. */
  call(agent: AgentConfig | string, messages: ChatMessage[]): Promise<CallResult>;
  /** Vectors for texts, from the AI SDK embedding model `modelId`. */
  embed(modelId: string, values: string[]): Promise<{ embeddings: number[][]; tokens: number }>;
  /** Emits a method-step event; its usage counts towards the run's. */
  step(body: StepBody): void;
}

/** A method as the engine runs it: hooks around the ordinary layers. */
export interface Strategy {
  plan?(index: number, ctx: MethodContext): Promise<LayerPlan> | LayerPlan;
  /** The run's answer from the final agent's text; default: that text unchanged. */
  finish?(text: string, ctx: MethodContext): Promise<string> | string;
}
