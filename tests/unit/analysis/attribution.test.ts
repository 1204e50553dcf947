import { describe, expect, it } from "vitest";
import { attribution } from "@/lib/analysis/similarity";
import type { MoAConfig } from "@/lib/moa/config";
import type { RunEvent, RunEventBody } from "@/lib/moa/events";
import { initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";

const config: MoAConfig = {
  layers: [
    { agents: [{ model: "sim:a" }, { model: "sim:b" }, { model: "sim:c" }] },
    { agents: [{ model: "sim:d" }, { model: "sim:e" }] },
    { agents: [{ model: "sim:f" }] },
  ],
};

function runOf(bodies: RunEventBody[]): RunState {
  return bodies.reduce(
    (state, body, seq) => reduceRun(state, { ...body, runId: "r", seq, t: seq * 10 } as RunEvent),
    initialRunState("r"),
  );
}

const done = (layer: number, agent: number, text: string): RunEventBody => ({
  type: "agent-finished",
  layer,
  agent,
  text,
  usage: { inputTokens: 1, outputTokens: 1 },
  ttftMs: 1,
  durationMs: 1,
});
const failed = (layer: number, agent: number): RunEventBody => ({
  type: "agent-failed",
  layer,
  agent,
  kind: "server_error",
  message: "boom",
  retryable: true,
  partialText: "the cat sat on the mat",
});

const state = runOf([
  { type: "run-started", config, messages: [{ role: "user", content: "q" }] },
  done(0, 0, "the cat is on the mat"),
  failed(0, 1),
  done(0, 2, "dogs bark loudly"),
  done(1, 0, "The cat sat on the mat."),
  failed(1, 1),
  done(2, 0, "The cat sat on the mat."),
]);

describe("attribution", () => {
  it("gives one row per finished aggregator, with the finished agents of the previous layer as inputs", () => {
    const rows = attribution(state);
    expect(rows.map((r) => [r.layer, r.agent, r.model])).toEqual([
      [1, 0, "sim:d"],
      [2, 0, "sim:f"],
    ]);
    expect(rows[0].inputs).toEqual([
      { layer: 0, agent: 0, model: "sim:a" },
      { layer: 0, agent: 2, model: "sim:c" },
    ]);
    expect(rows[1].inputs).toEqual([{ layer: 1, agent: 0, model: "sim:d" }]);
  });

  it("scores each input with the hand-computed metrics", () => {
    const [row, final] = attribution(state);
    // vs "the cat is on the mat": BLEU (1/18)^(1/4) (see similarity.test.ts); 1 word edit of 6.
    // vs "dogs bark loudly": no shared word → BLEU 0, TF-IDF 0; 6 edits of 6 → 0.
    expect(row.bleu[0]).toBeCloseTo(0.485492, 6);
    expect(row.bleu[1]).toBe(0);
    expect(row.levenshtein).toEqual([5 / 6, 0]);
    // TF-IDF over the three texts: idf = 1 + ln(4/3) = a for words in two of them (the, cat, on, mat),
    // 1 + ln 2 = c for the rest. Both vectors: the 2a, cat a, on a, mat a, plus sat c / is c.
    // cos = (4a² + 3a²) / (7a² + c²) ≈ 11.606878 / 14.473625 ≈ 0.801933
    expect(row.tfidf[0]).toBeCloseTo(0.801933, 6);
    expect(row.tfidf[1]).toBe(0);
    // The final aggregator repeated its only input word for word.
    expect(final.bleu).toEqual([1]);
    expect(final.tfidf[0]).toBeCloseTo(1, 12);
    expect(final.levenshtein).toEqual([1]);
  });

  it("is empty before any aggregator has finished", () => {
    expect(attribution(runOf([{ type: "run-started", config, messages: [{ role: "user", content: "q" }] }, done(0, 0, "x")]))).toEqual([]);
  });
});
