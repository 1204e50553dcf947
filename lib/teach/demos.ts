import type { AgentConfig, MoAConfig } from "@/lib/moa/config";
import { RANKER_PROMPT } from "@/lib/moa/variants/ranker";
import { SIM_AGGREGATOR, SIM_PROPOSERS } from "@/lib/presets/paper-models";
import { MISLEADING_SYSTEM } from "./misleading";

export type DemoId = "collaborativeness" | "synthesis-vs-selection" | "diversity" | "misleading";

/** A model the server (or this browser's keys) can reach, as the presets see it. */
export type DemoModel = { id: string; available: boolean; simulated: boolean };

export interface DemoInfo {
  id: DemoId;
  title: string;
  summary: string;
}

export interface BuiltDemo extends DemoInfo {
  prompt: string;
  config: MoAConfig;
  /** What to look at while it runs, one point per line. */
  explanation: string[];
  /** The other half of the comparison, run on demand. */
  compare?: { label: string; config: MoAConfig; explanation: string };
  /** True when no real model was reachable and the demo runs on simulated ones. */
  simulated: boolean;
}

export const DEMOS: readonly DemoInfo[] = [
  { id: "collaborativeness", title: "Collaborativeness", summary: "One model alone vs the same model given other models' answers" },
  { id: "synthesis-vs-selection", title: "Synthesis vs selection", summary: "An aggregator that only picks one answer (LLM-Ranker) vs one that writes a new one" },
  { id: "diversity", title: "Diversity", summary: "6 different proposers vs one proposer sampled 6 times" },
  { id: "misleading", title: "A misleading proposer", summary: "One proposer is told to be confidently, subtly wrong: does the aggregator notice?" },
];

const PROMPTS: Record<DemoId, string> = {
  collaborativeness: "Why do leaves change colour in autumn?",
  "synthesis-vs-selection": "How should a beginner start learning to program?",
  diversity: "What are the main causes of inflation?",
  misleading: "How did the printing press change Europe?",
};

interface Pool {
  proposers: string[];
  aggregator: string;
  simulated: boolean;
}

/** Real reachable models first; with none, the simulated line-up that needs no key. */
function poolOf(available: readonly DemoModel[]): Pool {
  const real = [...new Set(available.filter((m) => m.available && !m.simulated).map((m) => m.id))];
  if (real.length === 0) return { proposers: SIM_PROPOSERS, aggregator: SIM_AGGREGATOR, simulated: true };
  return { proposers: real, aggregator: real[0], simulated: false };
}

/** `n` proposers, cycling when fewer models are reachable (then the engine seeds the repeats apart). */
function proposers(pool: Pool, n: number, extra: Partial<AgentConfig> = {}): AgentConfig[] {
  return Array.from({ length: n }, (_, i) => ({ model: pool.proposers[i % pool.proposers.length], ...extra }));
}

function withFinal(layer1: AgentConfig[], final: AgentConfig, synthesisPrompt?: string): MoAConfig {
  return { layers: [{ agents: layer1 }, { agents: [final], ...(synthesisPrompt ? { synthesisPrompt } : {}) }] };
}

export function buildDemo(id: DemoId, available: readonly DemoModel[]): BuiltDemo {
  const info = DEMOS.find((d) => d.id === id)!;
  const pool = poolOf(available);
  const base = { ...info, prompt: PROMPTS[id], simulated: pool.simulated };
  const aggregator = { model: pool.aggregator };

  switch (id) {
    case "collaborativeness": {
      const alone = pool.proposers[0];
      return {
        ...base,
        config: withFinal(proposers(pool, 3), { model: alone }),
        explanation: [
          `Layer 1 · Agent 1 is ${alone} answering alone. The final aggregator is the same model, now given all 3 answers.`,
          "Compare the two columns side by side: the paper found models answer better when they see other models' answers, even weaker ones.",
          "Open Inputs on the final aggregator to see exactly what it was given.",
        ],
      };
    }
    case "synthesis-vs-selection": {
      const layer1 = proposers(pool, 3);
      return {
        ...base,
        // The LLM-Ranker baseline approximated as a final agent told to reply with a number.
        config: withFinal(layer1, { ...aggregator, maxTokens: 16 }, RANKER_PROMPT),
        explanation: [
          "This run is the LLM-Ranker baseline: the final agent is told to pick the best answer and reply with its number, not to write one.",
          "When it ends, the panel shows which candidate it picked. Then run the synthesis version: same proposers, same aggregator, the usual aggregate-and-synthesize prompt.",
          "The paper found synthesis beats selection: a new answer that draws on all of them scores higher than the best single one.",
        ],
        compare: {
          label: "Run the synthesis version",
          config: withFinal(layer1, aggregator),
          explanation: "Same proposers; the aggregator now writes a new answer from all 3.",
        },
      };
    }
    case "diversity": {
      const one = pool.proposers[0];
      return {
        ...base,
        config: withFinal(proposers(pool, 6), aggregator),
        explanation: [
          "6 different proposers answer; the aggregator merges them. Watch how differently they approach the question.",
          `Then run the other half: ${one} sampled 6 times (temperature 0.7) with the same aggregator.`,
          "The paper: 6 diverse proposers reached a 61.3% win rate, 6 samples of one model 56.7%.",
        ],
        compare: {
          label: "Run one proposer × 6",
          config: withFinal(Array.from({ length: 6 }, () => ({ model: one, temperature: 0.7 })), aggregator),
          explanation: `The same model sampled 6 times: its answers are variations on one theme.`,
        },
      };
    }
    case "misleading": {
      const layer1 = proposers(pool, 3);
      layer1[1] = { ...layer1[1], system: MISLEADING_SYSTEM };
      return {
        ...base,
        config: withFinal(layer1, aggregator),
        explanation: [
          "Layer 1 · Agent 2 (marked misleading) was told to state one plausible but false fact with full confidence.",
          "Read the final answer: does the aggregator repeat the false claim, or does it notice that the other answers do not back it up?",
          "Then run it with only one honest proposer beside it: with fewer independent answers, a confident mistake is harder to catch.",
        ],
        compare: {
          label: "Run with 1 honest proposer",
          config: withFinal(layer1.slice(0, 2), aggregator),
          explanation: "Now it is one honest answer against one confident wrong one.",
        },
      };
    }
  }
}
