import type { ModelFacts, ModelLookup } from "@/lib/analysis/cost";
import { LIMITS } from "@/lib/moa/limits";
import type { AgentConfig, MoAConfig } from "@/lib/moa/config";
import { DEFAULT_SYNTHESIS_PROMPT, formatAnswers } from "@/lib/moa/synthesis";
import { buildJudgeMessages } from "@/lib/moa/variants";
import { buildRankerMessages } from "@/lib/moa/variants/ranker";
import { answerSetOf } from "./answer-sets";
import { comparisonsOf, receivedVariants, type ExperimentPlan, type VariantSpec } from "./types";

/**
 * What the estimate assumes, stated on the page beside it. Answers are not known before the
 * runs, so each model is assumed to write `answerTokens` (capped by its own maxTokens); the
 * ceiling instead lets every answer run to its maxTokens.
 */
export interface EstimateAssumptions {
  /** Tokens of a typical answer: AlpacaEval 2.0's GPT-4 Turbo reference averages about 2,000 characters. */
  answerTokens: number;
  /** What one judge call writes: a short JSON verdict with a reason. */
  judgeOutputTokens: number;
  /** What the LLM-Ranker's final agent writes: a number. */
  rankerOutputTokens: number;
  /** Fixed input of an aggregator beyond the prompt and the answers (instruction, fences); measured from the templates by default. */
  synthesisOverheadTokens: number;
  /** Fixed input of one judge call beyond the prompt and the two answers. */
  judgeOverheadTokens: number;
  /** Fixed input of the ranker's pick beyond the prompt and the answers. */
  rankerOverheadTokens: number;
}

/** About four characters a token, the usual rule of thumb for English text. */
export const tokensOfText = (text: string) => Math.ceil(text.length / 4);

const templateTokens = (build: (placeholder: string) => Array<{ content: string }>) =>
  tokensOfText(
    build("")
      .map((m) => m.content)
      .join("\n"),
  );

export const DEFAULT_ASSUMPTIONS: EstimateAssumptions = {
  answerTokens: 500,
  judgeOutputTokens: 80,
  rankerOutputTokens: 5,
  synthesisOverheadTokens: tokensOfText(`${DEFAULT_SYNTHESIS_PROMPT}\n\n${formatAnswers(["", "", ""])}`),
  judgeOverheadTokens: templateTokens(() => buildJudgeMessages([{ role: "user", content: "" }], "", "")),
  rankerOverheadTokens: templateTokens(() => buildRankerMessages([{ role: "user", content: "" }], ["", "", ""])),
};

export interface TokenCost {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** USD for the priced calls. */
  usd: number;
  /** USD if every answer ran to its maxTokens (judge and ranker outputs stay as assumed). */
  ceilingUsd: number;
}

export interface CostEstimate {
  total: TokenCost;
  /** Per variant, all its cells. */
  variants: Array<{ id: string; label: string } & TokenCost>;
  /** Judge calls: verdicts in both orders, and the received-answer analyses. */
  judge: TokenCost;
  /** Models without a known price: their tokens are counted, their cost is not. */
  unpricedModels: string[];
  /** Every priced model is simulated: the USD are pretend figures and nothing is billed. */
  simulatedOnly: boolean;
  /** Verdicts scored by exact match (MATH answers): no judge call. */
  exactMatchVerdicts: number;
  /** Variants run by a method whose calls differ from the layer schedule (rounds, selection, debate): estimated as layered MoA. */
  approximated: string[];
}

/** Methods whose calls are the layers as drawn, one call per agent. */
const LAYERED_METHODS = new Set(["moa", "self-moa", "ranker"]);

const zero = (): TokenCost => ({ calls: 0, inputTokens: 0, outputTokens: 0, usd: 0, ceilingUsd: 0 });

function add(into: TokenCost, part: TokenCost): TokenCost {
  into.calls += part.calls;
  into.inputTokens += part.inputTokens;
  into.outputTokens += part.outputTokens;
  into.usd += part.usd;
  into.ceilingUsd += part.ceilingUsd;
  return into;
}

function times(part: TokenCost, n: number): TokenCost {
  return { calls: part.calls * n, inputTokens: part.inputTokens * n, outputTokens: part.outputTokens * n, usd: part.usd * n, ceilingUsd: part.ceilingUsd * n };
}

class Pricer {
  readonly unpriced = new Set<string>();
  readonly priced = new Set<string>();
  constructor(private readonly lookup: ModelLookup) {}

  /** One call of `model`: `output` expected tokens, `ceilingOutput` at most. */
  call(model: string, input: number, output: number, ceilingOutput = output, ceilingInput = input): TokenCost {
    const price: ModelFacts["pricePerMTokens"] = this.lookup(model)?.pricePerMTokens;
    if (price) this.priced.add(model);
    else this.unpriced.add(model);
    const usd = (i: number, o: number) => (price ? (i * price.input + o * price.output) / 1_000_000 : 0);
    return { calls: 1, inputTokens: input, outputTokens: output, usd: usd(input, output), ceilingUsd: usd(ceilingInput, ceilingOutput) };
  }
}

/** An answer's expected tokens, and the most it may take (its agent's maxTokens). */
interface AnswerSize {
  expected: number;
  ceiling: number;
}

const maxTokensOf = (agent: AgentConfig) => agent.maxTokens ?? LIMITS.defaultMaxTokens;

/**
 * One cell of a variant on a prompt of `promptTokens`: layer 1 reads the prompt; every agent
 * of a later layer reads the prompt plus every answer of the layer before (the paper's
 * schedule), so input grows with the width of the previous layer. The ranker's final agent
 * reads the same but writes only a number.
 */
function cellCost(variant: VariantSpec, promptTokens: number, pricer: Pricer, a: EstimateAssumptions): { cost: TokenCost; answer: AnswerSize } {
  const cost = zero();
  let previous: AnswerSize[] = [];
  const layers = variant.config.layers;
  layers.forEach((layer, index) => {
    const isRankerPick = variant.variant === "ranker" && index === layers.length - 1 && index > 0;
    const current = layer.agents.map((agent) => {
      const system = agent.system ? tokensOfText(agent.system) : 0;
      const read = previous.reduce((s, p) => s + p.expected, 0);
      const readCeiling = previous.reduce((s, p) => s + p.ceiling, 0);
      const overhead = index === 0 ? 0 : isRankerPick ? a.rankerOverheadTokens : a.synthesisOverheadTokens + (layer.synthesisPrompt ? tokensOfText(layer.synthesisPrompt) : 0);
      const input = promptTokens + system + overhead + read;
      const ceilingInput = promptTokens + system + overhead + readCeiling;
      if (isRankerPick) {
        add(cost, pricer.call(agent.model, input, a.rankerOutputTokens, a.rankerOutputTokens, ceilingInput));
        // The picked answer is one of the previous layer's: its length is theirs.
        const mean = previous.reduce((s, p) => s + p.expected, 0) / Math.max(1, previous.length);
        const ceiling = Math.max(0, ...previous.map((p) => p.ceiling));
        return { expected: mean, ceiling };
      }
      const expected = Math.min(a.answerTokens, maxTokensOf(agent));
      add(cost, pricer.call(agent.model, input, expected, maxTokensOf(agent), ceilingInput));
      return { expected, ceiling: maxTokensOf(agent) };
    });
    previous = current;
  });
  return { cost, answer: previous[0] ?? { expected: 0, ceiling: 0 } };
}

/** One judge verdict: two calls (both orders), each reading the prompt and both answers. */
function verdictCost(judge: string, promptTokens: number, sideA: AnswerSize, sideB: AnswerSize, pricer: Pricer, a: EstimateAssumptions): TokenCost {
  const fixed = a.judgeOverheadTokens + promptTokens;
  const once = pricer.call(judge, fixed + sideA.expected + sideB.expected, a.judgeOutputTokens, a.judgeOutputTokens, fixed + sideA.ceiling + sideB.ceiling);
  return times(once, 2);
}

/** The received analysis of one cell: every pair of each aggregating layer's inputs, judged in both orders. */
function receivedCost(config: MoAConfig, judge: string, promptTokens: number, pricer: Pricer, a: EstimateAssumptions): TokenCost {
  const cost = zero();
  config.layers.slice(0, -1).forEach((layer) => {
    const answers = layer.agents.map((agent) => ({ expected: Math.min(a.answerTokens, maxTokensOf(agent)), ceiling: maxTokensOf(agent) }));
    for (let i = 0; i < answers.length; i++) for (let j = i + 1; j < answers.length; j++) add(cost, verdictCost(judge, promptTokens, answers[i], answers[j], pricer, a));
  });
  return cost;
}

/** An answer set's side: its stored answer is known, so the judge's reading of it is too. */
function fixedSize(plan: ExperimentPlan, sideId: string, promptId: string, a: EstimateAssumptions): AnswerSize {
  const text = answerSetOf(plan, sideId)?.answers[promptId];
  const tokens = text === undefined ? a.answerTokens : tokensOfText(text);
  return { expected: tokens, ceiling: tokens };
}

const SIM = /^sim:/;

/**
 * What an experiment will cost before it starts: prompts × variants × the calls of each cell,
 * plus the judge's calls, at the catalog's prices. Token counts are estimates (prompt length /
 * 4, answers as assumed), so the result is a planning figure, not a quote.
 */
export function estimateExperimentCost(plan: ExperimentPlan, lookup: ModelLookup, assumptions: EstimateAssumptions = DEFAULT_ASSUMPTIONS): CostEstimate {
  const pricer = new Pricer(lookup);
  const variants = plan.variants.map((v) => ({ id: v.id, label: v.label, ...zero() }));
  const judge = zero();
  let exactMatchVerdicts = 0;
  const comparisons = comparisonsOf(plan);
  const analysed = receivedVariants(plan);
  for (const prompt of plan.prompts) {
    const promptTokens = tokensOfText(prompt.prompt);
    const answers = new Map<string, AnswerSize>();
    plan.variants.forEach((v, i) => {
      const { cost, answer } = cellCost(v, promptTokens, pricer, assumptions);
      add(variants[i], cost);
      answers.set(v.id, answer);
    });
    for (const c of comparisons) {
      if (prompt.answer !== undefined) {
        exactMatchVerdicts++;
        continue;
      }
      const sideA = answers.get(c.a) ?? fixedSize(plan, c.a, prompt.id, assumptions);
      const sideB = answers.get(c.b) ?? fixedSize(plan, c.b, prompt.id, assumptions);
      add(judge, verdictCost(plan.judge, promptTokens, sideA, sideB, pricer, assumptions));
    }
    for (const v of analysed) add(judge, receivedCost(v.config, plan.judge, promptTokens, pricer, assumptions));
  }
  const total = variants.reduce((sum, v) => add(sum, v), zero());
  add(total, judge);
  const priced = [...pricer.priced];
  return {
    total,
    variants,
    judge,
    unpricedModels: [...pricer.unpriced],
    simulatedOnly: priced.length > 0 && priced.every((m) => SIM.test(m)),
    exactMatchVerdicts,
    approximated: plan.variants.filter((v) => v.config.method && !LAYERED_METHODS.has(v.config.method.kind)).map((v) => v.label),
  };
}
