import { z } from "zod";
import { modelIdSchema } from "../model-id-schema";

const k = z.number().int().min(1, "k must be ≥ 1").max(16, "k must be ≤ 16");

/**
 * How the engine runs a board. `moa` is the paper's recipe (every layer reads every answer of
 * the layer before and writes a new one); the others are strategies from the literature since,
 * each changing which answers a layer reads, what it is asked, or how the run ends.
 */
export const methodSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("moa") }),
  z.object({ kind: z.literal("self-moa") }),
  /** `window`: how many answers each sequential aggregation step reads (the previous synthesis counts as one). */
  z.object({ kind: z.literal("self-moa-seq"), window: z.number().int().min(2, "window must be ≥ 2").max(16) }),
  z.object({ kind: z.literal("ranker") }),
  z.object({ kind: z.literal("rank-fuse"), k }),
  z.object({ kind: z.literal("usc") }),
  /** `judge` defaults to the model of each layer's first agent. */
  z.object({ kind: z.literal("smoa"), k, judge: modelIdSchema.optional(), moderator: z.boolean().optional() }),
  /** `threshold`: mean cosine similarity between consecutive layers at which the run stops early. */
  z.object({
    kind: z.literal("rmoa"),
    k,
    embedder: modelIdSchema.optional(),
    threshold: z.number().min(0).max(1).optional(),
  }),
  z.object({ kind: z.literal("fusion") }),
  z.object({ kind: z.literal("council") }),
]);

export type MethodConfig = z.infer<typeof methodSchema>;
export type MethodKind = MethodConfig["kind"];
export type MethodOf<K extends MethodKind> = Extract<MethodConfig, { kind: K }>;

/** The offline default embedder: a hashed bag of words, see lib/providers/sim/sim-embedding.ts. */
export const DEFAULT_EMBEDDER = "sim:hash-bow";
export const DEFAULT_CONVERGENCE = 0.9;

/** Self-MoA-Seq: how many aggregation steps `samples` answers need with windows of `window`. */
export function seqSteps(samples: number, window: number): number {
  return samples <= window ? 1 : 1 + Math.ceil((samples - window) / (window - 1));
}

/**
 * Methods whose answer is not the final agent's text as streamed: the ranker and USC answer
 * with the input they picked, Fusion with its reply minus the analysis. A client that streams
 * the final agent must wait for run-finished instead.
 */
export function answerIsFinalAgentText(method: MethodConfig | undefined): boolean {
  return !method || !["ranker", "usc", "fusion"].includes(method.kind);
}

/** What of the final agent's streaming text is already the answer: all of it, none (a pick), or Fusion's part after `<answer>`. */
export function liveAnswer(method: MethodConfig | undefined, text: string): string {
  if (answerIsFinalAgentText(method)) return text;
  if (method?.kind !== "fusion") return "";
  const start = text.search(/<answer>/i);
  return start === -1 ? "" : text.slice(start + "<answer>".length).replace(/<\/answer>[\s\S]*$/i, "").trim();
}
