import type { MethodConfig, MethodKind } from "./schema";

export interface MethodInfo {
  kind: MethodKind;
  label: string;
  /** The method in one line. */
  idea: string;
  /** Where it comes from, short, and a link. */
  citation: string;
  url: string;
  /** The method's settings when picked without any. */
  defaults: MethodConfig;
}

/** Every method the engine runs, in the order the pickers list them. */
export const METHODS: readonly MethodInfo[] = [
  {
    kind: "moa",
    label: "MoA",
    idea: "Layers of models; every agent after the first layer reads all answers of the layer before and writes a better one.",
    citation: "Wang et al. 2024, arXiv 2406.04692",
    url: "https://arxiv.org/abs/2406.04692",
    defaults: { kind: "moa" },
  },
  {
    kind: "self-moa",
    label: "Self-MoA",
    idea: "One strong model sampled several times instead of several models; an aggregator synthesises the samples.",
    citation: "Li et al. 2025, arXiv 2502.00674",
    url: "https://arxiv.org/abs/2502.00674",
    defaults: { kind: "self-moa" },
  },
  {
    kind: "self-moa-seq",
    label: "Self-MoA-Seq",
    idea: "Many samples of one model aggregated in a sliding window: each step reads the synthesis so far plus the next few samples.",
    citation: "Li et al. 2025, arXiv 2502.00674",
    url: "https://arxiv.org/abs/2502.00674",
    defaults: { kind: "self-moa-seq", window: 3 },
  },
  {
    kind: "ranker",
    label: "LLM-Ranker",
    idea: "The final model only picks the best answer instead of writing one: the paper's baseline for what synthesis adds.",
    citation: "Wang et al. 2024, arXiv 2406.04692, Table 5",
    url: "https://arxiv.org/abs/2406.04692",
    defaults: { kind: "ranker" },
  },
  {
    kind: "rank-fuse",
    label: "Rank-then-Fuse",
    idea: "Rank all answers first, then fuse only the top k, best first, into one answer.",
    citation: "LLM-Blender, Jiang et al. 2023, arXiv 2306.02561",
    url: "https://arxiv.org/abs/2306.02561",
    defaults: { kind: "rank-fuse", k: 3 },
  },
  {
    kind: "usc",
    label: "Universal Self-Consistency",
    idea: "The final model selects the answer most consistent with the others; it writes nothing new.",
    citation: "Chen et al. 2023, arXiv 2311.17311",
    url: "https://arxiv.org/abs/2311.17311",
    defaults: { kind: "usc" },
  },
  {
    kind: "smoa",
    label: "SMoA",
    idea: "A judge passes only the top k answers to the next layer, and a moderator may end the rounds early.",
    citation: "Li et al. 2024, arXiv 2411.03284",
    url: "https://arxiv.org/abs/2411.03284",
    defaults: { kind: "smoa", k: 3, moderator: true },
  },
  {
    kind: "rmoa",
    label: "RMoA",
    idea: "Answers are embedded; a greedy pick keeps the k most diverse for the next layer, and the run stops once layers converge.",
    citation: "Xie et al. 2025, arXiv 2505.24442",
    url: "https://arxiv.org/abs/2505.24442",
    defaults: { kind: "rmoa", k: 3 },
  },
  {
    kind: "fusion",
    label: "Fusion",
    idea: "The aggregator first analyses the answers (consensus, contradictions, unique insights, blind spots), then writes.",
    citation: "as OpenRouter Fusion and LiteLLM fusion",
    url: "https://openrouter.ai/docs",
    defaults: { kind: "fusion" },
  },
  {
    kind: "council",
    label: "Council",
    idea: "Members answer, every member ranks the anonymised answers, and a chairman writes the reply from answers and ranking.",
    citation: "karpathy/llm-council",
    url: "https://github.com/karpathy/llm-council",
    defaults: { kind: "council" },
  },
];

export function methodInfo(kind: MethodKind): MethodInfo {
  return METHODS.find((m) => m.kind === kind) ?? METHODS[0];
}
