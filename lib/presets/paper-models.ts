/**
 * The models of the MoA paper (arXiv 2406.04692): its six open models, plus GPT-4o as the
 * final aggregator of "MoA w/ GPT-4o". For each, reachable stand-ins in order of preference:
 * the same model where a provider still serves it, then its closest successor, then a
 * similar-sized model of another family, then a small hosted model.
 */
export type PaperModel =
  | "Qwen1.5-110B-Chat"
  | "Qwen1.5-72B-Chat"
  | "WizardLM-8x22B"
  | "LLaMA-3-70B-Instruct"
  | "Mixtral-8x22B"
  | "dbrx-instruct"
  | "GPT-4o";

export const PAPER_PROPOSERS: PaperModel[] = [
  "Qwen1.5-110B-Chat",
  "Qwen1.5-72B-Chat",
  "WizardLM-8x22B",
  "LLaMA-3-70B-Instruct",
  "Mixtral-8x22B",
  "dbrx-instruct",
];

export const CANDIDATES: Record<PaperModel, string[]> = {
  "Qwen1.5-110B-Chat": [
    "together:Qwen/Qwen1.5-110B-Chat",
    "together:Qwen/Qwen2.5-72B-Instruct-Turbo",
    "openrouter:qwen/qwen-2.5-72b-instruct",
    "groq:qwen/qwen3-32b",
    "openai:gpt-4o",
    "anthropic:claude-sonnet-4-5",
    "openrouter:openai/gpt-4o-mini",
    "openai:gpt-4o-mini",
  ],
  "Qwen1.5-72B-Chat": [
    "together:Qwen/Qwen2.5-72B-Instruct-Turbo",
    "openrouter:qwen/qwen-2.5-72b-instruct",
    "groq:qwen/qwen3-32b",
    "openai:gpt-4.1-mini",
    "anthropic:claude-haiku-4-5",
    "openrouter:openai/gpt-4o-mini",
    "openai:gpt-4o-mini",
  ],
  "WizardLM-8x22B": [
    "openrouter:microsoft/wizardlm-2-8x22b",
    "together:deepseek-ai/DeepSeek-V3",
    "groq:llama-3.3-70b-versatile",
    "openrouter:anthropic/claude-sonnet-4.5",
    "openai:gpt-4.1-mini",
    "anthropic:claude-haiku-4-5",
    "openai:gpt-4o-mini",
  ],
  "LLaMA-3-70B-Instruct": [
    "together:meta-llama/Llama-3.3-70B-Instruct-Turbo",
    "groq:llama-3.3-70b-versatile",
    "openrouter:meta-llama/llama-3.3-70b-instruct",
    "openai:gpt-4o-mini",
    "anthropic:claude-haiku-4-5",
  ],
  "Mixtral-8x22B": [
    "together:mistralai/Mixtral-8x22B-Instruct-v0.1",
    "openrouter:mistralai/mixtral-8x22b-instruct",
    "groq:llama-3.1-8b-instant",
    "openai:gpt-4.1-nano",
    "anthropic:claude-haiku-4-5",
    "openai:gpt-4o-mini",
  ],
  "dbrx-instruct": [
    "together:databricks/dbrx-instruct",
    "groq:llama-3.1-8b-instant",
    "openrouter:meta-llama/llama-3.3-70b-instruct",
    "openai:gpt-4.1-nano",
    "anthropic:claude-haiku-4-5",
    "openai:gpt-4o-mini",
  ],
  "GPT-4o": [
    "openai:gpt-4o",
    "openrouter:openai/gpt-4o",
    "openai:gpt-4.1",
    "anthropic:claude-sonnet-4-5",
    "openrouter:anthropic/claude-sonnet-4.5",
    "together:Qwen/Qwen2.5-72B-Instruct-Turbo",
    "openai:gpt-4o-mini",
  ],
};

/** Offline stand-ins: six proposers with distinct styles, and the aggregator. */
export const SIM_PROPOSERS = ["sim:falcon", "sim:heron", "sim:otter", "sim:lynx", "sim:badger", "sim:orca"];
export const SIM_AGGREGATOR = "sim:owl";
