import { describe, expect, it } from "vitest";
import { buildJudgeMessages, combineSwappedVerdicts, JUDGE_PROMPT, parseJudgeVerdict, type JudgeVerdict } from "@/lib/moa/variants/judge";
import type { ChatMessage } from "@/lib/moa/conversation";

const conversation: ChatMessage[] = [{ role: "user", content: "Name a prime." }];

describe("buildJudgeMessages", () => {
  it("puts the conversation, then A, then B in front of the judge and asks for JSON", () => {
    const [system, user] = buildJudgeMessages(conversation, "Seven.", "Nine.");
    expect(system).toEqual({ role: "system", content: JUDGE_PROMPT });
    expect(JUDGE_PROMPT).toContain('"winner"');
    expect(user.role).toBe("user");
    const order = ["<user>\nName a prime.\n</user>", "<reply-a>\nSeven.\n</reply-a>", "<reply-b>\nNine.\n</reply-b>"].map((s) => user.content.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("swaps the replies when called with the order swapped", () => {
    const [, user] = buildJudgeMessages(conversation, "Nine.", "Seven.");
    expect(user.content).toContain("<reply-a>\nNine.\n</reply-a>");
  });
});

describe("parseJudgeVerdict", () => {
  it.each([
    ['{"winner": "A", "reason": "Seven is prime."}', "A", "Seven is prime."],
    ['```json\n{"winner":"b","reason":"B is right"}\n```', "B", "B is right"],
    ['After some thought: {"winner": "tie", "reason": "both fine"} Hope that helps.', "tie", "both fine"],
    ['{"winner": "Answer B", "reason": "clearer"}', "B", "clearer"],
    ["{winner: 'A', reason: 'x'}", "A", undefined],
    ["My verdict: [[B]]", "B", undefined],
    ["The winner is **A**, since nine is 3 × 3.", "A", undefined],
    ["Reply B is clearly better.", "B", undefined],
    ['<think>A seems good but {"winner":"B"} no</think>{"winner":"A","reason":"r"}', "A", "r"],
  ])("reads %j", (text, winner, reason) => {
    const verdict = parseJudgeVerdict(text);
    expect(verdict).toMatchObject({ winner });
    if (reason !== undefined) expect(verdict).toMatchObject({ reason });
  });

  it.each(["", "A better reply would mention that 2 is prime too.", "The winner is a close call.", '{"winner": "C++", "reason": "?"}'])(
    "finds no verdict in %j",
    (text) => {
      expect(parseJudgeVerdict(text)).toHaveProperty("error");
    },
  );
});

const v = (winner: JudgeVerdict["winner"], reason: string = winner): JudgeVerdict => ({ winner, reason });

describe("combineSwappedVerdicts", () => {
  it("keeps a winner that survives swapping the order", () => {
    // First order: first is A and wins. Swapped: first is B and wins again.
    expect(combineSwappedVerdicts(v("A", "r1"), v("B", "r2"))).toEqual({ winner: "first", consistent: true, reasons: ["r1", "r2"] });
    expect(combineSwappedVerdicts(v("B"), v("A"))).toMatchObject({ winner: "second", consistent: true });
    expect(combineSwappedVerdicts(v("tie"), v("tie"))).toMatchObject({ winner: "tie", consistent: true });
  });

  it("calls a verdict that follows the position a tie", () => {
    // The judge preferred whichever reply came first both times.
    expect(combineSwappedVerdicts(v("A"), v("A"))).toMatchObject({ winner: "tie", consistent: false });
    expect(combineSwappedVerdicts(v("B"), v("B"))).toMatchObject({ winner: "tie", consistent: false });
  });

  it("calls it a tie when only one order picks a winner", () => {
    expect(combineSwappedVerdicts(v("A"), v("tie"))).toMatchObject({ winner: "tie", consistent: false });
    expect(combineSwappedVerdicts(v("tie"), v("A"))).toMatchObject({ winner: "tie", consistent: false });
  });
});
