import { describe, expect, it } from "vitest";
import { JUDGE_RUNS_AT_ONCE, judgeAnswers, type JudgeDeps } from "@/lib/experiments/judge-server";
import { judgeRequestSchema } from "@/lib/wire/judge";
import { deriveVariants } from "@/lib/experiments/variants";
import { initialRunState, type RunState } from "@/lib/moa/run-state";
import type { RunRequest } from "@/lib/wire/run-request";

/** A judge whose reply depends on which answer it sees first. */
function fakeJudge(reply: (shownFirst: string) => string) {
  const started: RunRequest[] = [];
  const deps: JudgeDeps = {
    startRun: async (request) => {
      started.push(request);
      return { id: `judge-${started.length}` };
    },
    waitForRun: async (id): Promise<RunState> => {
      const request = started[Number(id.split("-")[1]) - 1];
      const first = request.messages.at(-1)!.content.match(/<reply-a>\n([\s\S]*?)\n<\/reply-a>/)![1];
      return { ...initialRunState(id), status: "finished", finalText: reply(first) };
    },
  };
  return { deps, started };
}

const request = judgeRequestSchema.parse({
  conversation: [{ role: "user", content: "Capital of France?" }],
  answers: [
    { label: "MoA", text: "Paris." },
    { label: "Single", text: "Lyon." },
  ],
  judge: "sim:owl",
});

describe("judgeAnswers", () => {
  it("judges each pair in both orders as runs of the chosen judge model", async () => {
    const { deps, started } = fakeJudge((first) => (first === "Paris." ? '{"winner": "A", "reason": "correct"}' : '{"winner": "B", "reason": "correct"}'));
    const [pair] = await judgeAnswers(request, deps);
    expect(pair).toMatchObject({ a: "MoA", b: "Single", verdict: { winner: "a", consistent: true }, runIds: ["judge-1", "judge-2"] });
    expect(started.map((r) => r.config.layers[0].agents[0].model)).toEqual(["sim:owl", "sim:owl"]);
  });

  it("shows a verdict that flips with the order as a tie", async () => {
    const { deps } = fakeJudge(() => '{"winner": "A", "reason": "first is best"}');
    const [pair] = await judgeAnswers(request, deps);
    expect(pair.verdict).toMatchObject({ winner: "tie", consistent: false });
  });

  it("reports an unreadable judge reply as a tie with the reason", async () => {
    const { deps } = fakeJudge(() => "I like both of them.");
    const [pair] = await judgeAnswers(request, deps);
    expect(pair.verdict).toMatchObject({ winner: "tie", error: expect.stringMatching(/no winner/) });
  });

  it("runs at most JUDGE_RUNS_AT_ONCE judge runs at once: 8 answers are 56 runs, not one burst of 56", async () => {
    const { deps, started } = fakeJudge(() => '{"winner": "A", "reason": "x"}');
    let running = 0;
    let most = 0;
    const waitForRun = deps.waitForRun;
    deps.waitForRun = async (id) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
      return waitForRun(id);
    };
    const eight = judgeRequestSchema.parse({ ...request, answers: Array.from({ length: 8 }, (_, i) => ({ label: `#${i}`, text: `Answer ${i}.` })) });
    const pairs = await judgeAnswers(eight, deps);
    expect(pairs).toHaveLength(28);
    expect(started).toHaveLength(56);
    expect(most).toBe(JUDGE_RUNS_AT_ONCE);
  });

  it("rejects pairs that name the same or a missing answer", () => {
    expect(judgeRequestSchema.safeParse({ ...request, pairs: [[0, 0]] }).success).toBe(false);
    expect(judgeRequestSchema.safeParse({ ...request, pairs: [[0, 5]] }).success).toBe(false);
  });
});

describe("deriveVariants", () => {
  it("derives the paper's baselines from a board, picking the largest proposer as the best one", () => {
    const config = { layers: [{ agents: [{ model: "x:small" }, { model: "x:big" }] }, { agents: [{ model: "x:agg" }] }, { agents: [{ model: "x:final" }] }] };
    const sizes: Record<string, number> = { "x:small": 8, "x:big": 70 };
    const variants = deriveVariants(config, (id) => ({ activeParamsB: sizes[id] }));
    expect(variants.map((v) => v.id)).toEqual(["moa", "moa-lite", "ranker", "aggregator", "best-proposer", "self-moa"]);
    expect(variants.find((v) => v.id === "ranker")?.variant).toBe("ranker");
    expect(variants.find((v) => v.id === "aggregator")?.config.layers).toEqual([{ agents: [{ model: "x:final" }] }]);
    expect(variants.find((v) => v.id === "best-proposer")?.config.layers[0].agents[0].model).toBe("x:big");
    const self = variants.find((v) => v.id === "self-moa")!;
    expect(self.config.layers[0].agents.map((a) => a.model)).toEqual(["x:big", "x:big"]);
    // The same final aggregator as MoA, not the sampled proposer aggregating itself: only the proposers differ.
    expect(self.config.layers[1].agents).toEqual([{ model: "x:final" }]);
    expect(self.label).toBe("Self-MoA (2× big → final)");
  });
});
