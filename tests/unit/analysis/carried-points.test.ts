import { describe, expect, it } from "vitest";
import { buildCarriedMatrix, questionOf, simAnswersOf, type MatrixAnswer } from "@/lib/analysis/carried-points";
import { initialRunState, type AgentState } from "@/lib/moa/run-state";

const world = {
  points: [
    { id: "k1", text: "one" },
    { id: "k2", text: "two" },
    { id: "k3", text: "three" },
  ],
  wrong: [
    { id: "w1", text: "false one" },
    { id: "w2", text: "false two" },
  ],
};

const answer = (layer: number, agent: number, points: string[], wrong: string[], final = false): MatrixAnswer => ({
  layer,
  agent,
  model: `sim:m${layer}${agent}`,
  final,
  carried: { points, wrong },
});

describe("carried-points matrix", () => {
  // Two proposers find k1+k2 and k2+w1; the aggregator keeps k1, drops k2, catches w1, adds k3.
  const matrix = buildCarriedMatrix(world, [answer(1, 0, ["k1", "k3"], [], true), answer(0, 1, ["k2"], ["w1"]), answer(0, 0, ["k1", "k2"], [])]);

  it("orders rows by layer, then agent", () => {
    expect(matrix.rows.map((r) => [r.layer, r.agent])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  it("marks what each proposer carried, with counts", () => {
    const [a, b] = matrix.rows;
    expect(a.points).toEqual(["carried", "carried", "absent"]);
    expect(b.wrong).toEqual(["carried", "absent"]);
    expect([a.pointCount, a.wrongCount, b.pointCount, b.wrongCount]).toEqual([2, 0, 1, 1]);
    expect(a.inputPoints).toBeUndefined();
  });

  it("tells kept from dropped points and caught from absent claims for an aggregator", () => {
    const final = matrix.rows[2];
    expect(final.points).toEqual(["carried", "dropped", "carried"]);
    expect(final.wrong).toEqual(["caught", "absent"]);
    expect([final.inputPoints, final.inputWrong, final.pointCount, final.wrongCount]).toEqual([2, 1, 2, 0]);
  });

  it("sums up each layer: what it had together and its best single answer", () => {
    expect(matrix.layers).toEqual([
      { layer: 0, answers: 2, pointsTogether: 2, wrongTogether: 1, bestPoints: 2 },
      { layer: 1, answers: 1, pointsTogether: 2, wrongTogether: 0, bestPoints: 2 },
    ]);
  });

  it("ignores ids the world does not have", () => {
    const m = buildCarriedMatrix(world, [answer(0, 0, ["k9", "k1"], ["w9"])]);
    expect([m.rows[0].pointCount, m.rows[0].wrongCount]).toEqual([1, 0]);
  });
});

describe("answers of a run to check", () => {
  const agent = (layer: number, i: number, model: string, status: AgentState["status"], text: string): AgentState => ({
    layer,
    agent: i,
    model,
    status,
    text,
    retries: 0,
  });

  it("keeps finished simulated answers and marks the last layer final", () => {
    const run = {
      ...initialRunState("r"),
      agents: [
        [agent(0, 0, "sim:falcon", "done", "a"), agent(0, 1, "openai:gpt-4o", "done", "b"), agent(0, 2, "sim:broken", "failed", ""), agent(0, 3, "sim:heron", "done", "c")],
        [agent(1, 0, "sim:owl?keep=0", "done", "d")],
      ],
    };
    expect(simAnswersOf(run).map((a) => [a.layer, a.agent, a.model, a.final])).toEqual([
      [0, 0, "sim:falcon", false],
      [0, 3, "sim:heron", false],
      [1, 0, "sim:owl?keep=0", true],
    ]);
  });

  it("reads the question from the last user message", () => {
    const messages = [
      { role: "user" as const, content: "first" },
      { role: "assistant" as const, content: "x" },
      { role: "user" as const, content: "second" },
    ];
    expect(questionOf({ messages })).toBe("second");
    expect(questionOf({ messages: [] })).toBeUndefined();
  });
});

describe("the matrix on a simulated world", () => {
  it("follows points up the layers as carriedBy reads them from the answers' sentences", async () => {
    const { carriedBy, worldOf } = await import("@/lib/providers/sim/world");
    const world = worldOf("A bat and a ball cost $1.10 together; the bat costs $1.00 more than the ball. How much is the ball? Explain briefly.");
    const [k1, k2] = world.points;
    const [w1] = world.wrong;
    const texts = [
      { layer: 0, agent: 0, text: `${k1.text} ${w1.text}` },
      { layer: 0, agent: 1, text: k2.text },
      { layer: 1, agent: 0, text: `${k1.text}\n\n${k2.text}` },
    ];
    const matrix = buildCarriedMatrix(
      world,
      texts.map((t) => ({ ...t, model: "sim:x", final: t.layer === 1, carried: carriedBy(world, t.text) })),
    );
    const final = matrix.rows[2];
    expect(final.points.slice(0, 2)).toEqual(["carried", "carried"]);
    expect(final.wrong[0]).toBe("caught");
    expect([final.pointCount, final.wrongCount, final.inputPoints, final.inputWrong]).toEqual([2, 0, 2, 1]);
    expect(matrix.layers[0]).toMatchObject({ pointsTogether: 2, wrongTogether: 1, bestPoints: 1 });
  });
});
