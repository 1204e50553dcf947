import { WRONG_CLAIM_PENALTY } from "./judge-score";
import { SIM_PROFILES } from "./profiles";

/**
 * The simulation in plain words, for the "How the simulation works" panel. Each rule names
 * the number it uses, so the panel can show the numbers next to the words.
 */
export const SIM_WORLD_RULES = {
  summary:
    "Offline, every prompt has a hidden ground truth: a few key points (correct claims) and a few tempting wrong claims. Simulated models know some points and believe some wrong claims, and write answers from them. The simulated judge scores answers against the same ground truth. Nothing in the simulation knows about MoA: whatever MoA gains here comes from these rules.",
  rules: [
    {
      id: "world",
      title: "Ground truth",
      text: "Each prompt has about 6 to 8 key points and 3 or 4 tempting wrong claims. The built-in prompts, the classroom demos and the example prompts have hand-written ones; any other prompt gets general points built from its own words.",
    },
    {
      id: "recall",
      title: "Recall",
      text: "A model knows a fixed share of the key points of each prompt (its recall). Which points it knows is seeded by the model and the prompt, so samples of one model know the same points while different models know different ones. Some points are easy (most models know them) and some hard (few do): each point has an ease from 0.25 to 2, seeded by the prompt.",
    },
    {
      id: "hallucination",
      title: "Hallucination",
      text: "A model believes each wrong claim with a chance of its hallucination rate times the claim's temptation (1.5 for the most tempting claim down to 0.5 for the least), seeded by model and prompt, so samples of one model repeat the same mistakes. A proposer told to be subtly wrong states the least tempting claim it does not already believe, as certain.",
    },
    {
      id: "sampling",
      title: "Sampling",
      text: "Temperature and seed add a little variation: at temperature 1, each known point is left out with a chance of 10%, and each unknown point recalled with a chance of 10% times its ease. Without a temperature, 0.7 is assumed.",
    },
    {
      id: "keep",
      title: "Keep (aggregators)",
      text: "An aggregator takes up each claim it reads with its keep chance per answer that makes it: a claim made by s answers is taken up with chance 1 − (1 − keep)^s. Keep 0 means it ignores its inputs and writes only what it knows.",
    },
    {
      id: "catch",
      title: "Catch (aggregators)",
      text: "An aggregator checks each wrong claim it took up, where s answers make the claim (at least 1 if it believes the claim itself) and h speak against it (answers that omit it, and once more each answer that calls it wrong). A claim it can tell is wrong by itself (one it does not believe, noticed with its catch chance) goes as soon as h > s; any other claim goes with chance catch × min(1, (h − s) / s). Either way a claim most answers make looks like consensus and survives. A dropped claim that an answer made is named under \"A claim I left out\".",
    },
    {
      id: "judge",
      title: "Judge",
      text: `The simulated judge scores each reply as key points covered − ${WRONG_CLAIM_PENALTY} × wrong claims, and calls equal scores a tie. Optional noise adds a seeded random term; an optional length bias adds points per 100 words and says so in its reason.`,
    },
    {
      id: "ranker",
      title: "LLM-Ranker",
      text: "A simulated ranker picks the candidate with the most key points it can recognise itself (those it knows) minus 1.5 for each wrong claim it doubts. It doubts a wrong claim exactly when it would drop it as an aggregator reading the same candidates (see Catch), so a claim most candidates make passes as consensus. It only selects, so it can do no better than the best candidate.",
    },
    {
      id: "method-graders",
      title: "Method steps",
      text: "The method library's graders grade the same way as the ranker: Rank-then-Fuse's ranking and the Council's peer reviews order all candidates by that score, SMoA's judge passes the best k. Universal Self-Consistency instead picks the candidate sharing most claims with the others (majority, right or wrong), and SMoA's moderator stops once the candidates' claims overlap by 75% on average. A Fusion aggregator lists, before it writes, the points most answers share, the wrong claims only some make, the points only one makes and the points it knows that none made.",
    },
    {
      id: "math",
      title: "Arithmetic",
      text: "A question that asks to compute an arithmetic expression (in $…$ or after \"compute\", \"evaluate\", \"what is\") is worked out exactly. A model gets it right with a chance of its recall times the problem's ease (0.6 to 1.5, seeded by the problem), seeded by model and problem; otherwise it boxes a plausible slip (reading left to right, off by one or ten, a lost sign). An aggregator boxes the answer with most support: its own attempt counts 1, each answer it read counts its keep. The simulation never sees a benchmark's answer; it cannot solve what it cannot parse.",
    },
    {
      id: "embedder",
      title: "Embeddings",
      text: "RMoA compares answers with sim:hash-bow, a local embedding model: every word of three letters or more lands in one of 256 hashed buckets, so answers that share words point the same way.",
    },
  ],
  judgeWrongPenalty: WRONG_CLAIM_PENALTY,
  /** The models' visible parameters: style, speed, skill. */
  models: SIM_PROFILES.map((p) => ({ name: p.name, display: p.display, style: p.style, role: p.role, ttftMs: p.ttftMs, tokensPerSecond: p.tokensPerSecond, skill: p.skill })),
} as const;
