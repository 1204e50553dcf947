import { describe, expect, it } from "vitest";
import { judgeableProposers, proposerQuality, type ProposerPair } from "@/lib/analysis/proposer-quality";
import { pairwiseWinRates } from "@/lib/analysis/win-rate";
import type { MoAConfig } from "@/lib/moa/config";
import type { RunEvent, RunEventBody } from "@/lib/moa/events";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";

// Every pair of four proposers, judged 0 > 1 > 2 > 3; half of the pairs name the winner as "b".
const STRICT_ORDER: ProposerPair[] = [
  { a: 0, b: 1, winner: "a" },
  { a: 2, b: 0, winner: "b" },
  { a: 0, b: 3, winner: "a" },
  { a: 2, b: 1, winner: "b" },
  { a: 1, b: 3, winner: "a" },
  { a: 3, b: 2, winner: "b" },
];

// Proposer 0 beats everyone, 1 and 2 tie, both beat 3.
const WITH_A_TIE: ProposerPair[] = [
  { a: 0, b: 1, winner: "a" },
  { a: 0, b: 2, winner: "a" },
  { a: 0, b: 3, winner: "a" },
  { a: 1, b: 2, winner: "tie" },
  { a: 1, b: 3, winner: "a" },
  { a: 2, b: 3, winner: "a" },
];

const AGENTS = [0, 1, 2, 3];

describe("pairwiseWinRates", () => {
  it("counts wins over the pairs each proposer was in, whichever side it was shown on", () => {
    // 0: 3 wins of 3 → 1; 1: beat 2 and 3, lost to 0 → 2/3; 2: beat 3 → 1/3; 3: none → 0.
    const rates = pairwiseWinRates(STRICT_ORDER);
    expect(AGENTS.map((a) => rates.get(a)?.rate)).toEqual([1, 2 / 3, 1 / 3, 0]);
    expect(rates.get(1)).toMatchObject({ n: 3, wins: 2, losses: 1, ties: 0 });
  });

  it("counts a tie as half a win", () => {
    // 1: loss, tie, win → (1 + ½) / 3 = ½; 2 likewise.
    const rates = pairwiseWinRates(WITH_A_TIE);
    expect(AGENTS.map((a) => rates.get(a)?.rate)).toEqual([1, 0.5, 0.5, 0]);
    expect(rates.get(2)).toMatchObject({ wins: 1, losses: 1, ties: 1 });
  });
});

describe("proposerQuality", () => {
  const similarity = {
    bleu: [0.9, 0.5, 0.7, 0.1],
    tfidf: [0.2, 0.4, 0.6, 0.8],
    levenshtein: [0.6, 0.6, 0.3, 0.3],
  };

  it("rank-correlates similarity with win rate, per metric", () => {
    const { proposers, correlation } = proposerQuality(AGENTS, similarity, STRICT_ORDER);
    expect(proposers[2]).toMatchObject({ agent: 2, similarity: { bleu: 0.7, tfidf: 0.6, levenshtein: 0.3 } });
    expect(proposers[2].winRate?.rate).toBeCloseTo(1 / 3, 12);
    // Win-rate ranks 4 3 2 1. BLEU ranks 4 2 3 1: d = 0 −1 1 0, Σd² = 2, no ties,
    // so ρ = 1 − 6·2 / (4·(4² − 1)) = 1 − 12/60 = 0.8.
    expect(correlation.bleu).toEqual({ rho: expect.closeTo(0.8, 12), n: 4 });
    // TF-IDF ranks 1 2 3 4: the reverse order, ρ = −1.
    expect(correlation.tfidf.rho).toBeCloseTo(-1, 12);
    // Levenshtein ties: 0.6 0.6 → ranks 3.5 3.5; 0.3 0.3 → 1.5 1.5. Deviations from the mean rank 2.5:
    // similarity 1 1 −1 −1, win rate 1.5 0.5 −0.5 −1.5. Σ = 1.5 + 0.5 + 0.5 + 1.5 = 4; Σdx² = 4; Σdy² = 5;
    // ρ = 4 / √(4·5) = 2/√5 ≈ 0.894427.
    expect(correlation.levenshtein.rho).toBeCloseTo(0.894427, 6);
  });

  it("handles tied win rates with average ranks", () => {
    // Win rates 1 ½ ½ 0 → ranks 4 2.5 2.5 1; BLEU ranks 4 2 3 1. Deviations from 2.5:
    // win rate 1.5 0 0 −1.5, BLEU 1.5 −0.5 0.5 −1.5. Σ = 2.25 + 0 + 0 + 2.25 = 4.5; Σdx² = 4.5;
    // Σdy² = 2.25 + 0.25 + 0.25 + 2.25 = 5; ρ = 4.5 / √(4.5·5) = 3/√10 ≈ 0.948683.
    const { correlation } = proposerQuality(AGENTS, similarity, WITH_A_TIE);
    expect(correlation.bleu.rho).toBeCloseTo(0.948683, 6);
  });

  it("leaves proposers the judge never compared out of ρ, and has no ρ when every verdict is a tie", () => {
    const five = { bleu: [...similarity.bleu, 1], tfidf: [...similarity.tfidf, 1], levenshtein: [...similarity.levenshtein, 1] };
    const { proposers, correlation } = proposerQuality([...AGENTS, 4], five, STRICT_ORDER);
    expect(proposers[4].winRate).toBeUndefined();
    expect(correlation.bleu).toEqual({ rho: expect.closeTo(0.8, 12), n: 4 });

    const allTies = STRICT_ORDER.map((p) => ({ ...p, winner: "tie" as const }));
    expect(proposerQuality(AGENTS, similarity, allTies).correlation.bleu).toEqual({ rho: undefined, n: 4 });
  });
});

describe("judgeableProposers", () => {
  it("is the previous layer's finished answers with text: what the final aggregator received", () => {
    const config: MoAConfig = {
      layers: [{ agents: [{ model: "sim:a" }, { model: "sim:b" }, { model: "sim:c" }, { model: "sim:d" }] }, { agents: [{ model: "sim:e" }] }],
    };
    const bodies: RunEventBody[] = [
      { type: "run-started", config, messages: [{ role: "user", content: "q" }] },
      { type: "agent-finished", layer: 0, agent: 0, text: "first answer", usage: { inputTokens: 1, outputTokens: 1 }, ttftMs: 1, durationMs: 1 },
      { type: "agent-failed", layer: 0, agent: 1, kind: "server_error", message: "boom", retryable: true, partialText: "half" },
      { type: "agent-finished", layer: 0, agent: 2, text: "  ", usage: { inputTokens: 1, outputTokens: 0 }, ttftMs: 1, durationMs: 1 },
      { type: "agent-finished", layer: 0, agent: 3, text: "fourth answer", usage: { inputTokens: 1, outputTokens: 1 }, ttftMs: 1, durationMs: 1 },
    ];
    const state = bodies.reduce((s, body, seq) => reduceRun(s, { ...body, runId: "r", seq, t: seq } as RunEvent), initialRunState("r"));
    expect(judgeableProposers(state).map((a) => a.agent)).toEqual([0, 3]);
    expect(judgeableProposers(initialRunState("empty"))).toEqual([]);
  });
});
