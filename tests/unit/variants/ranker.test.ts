import { describe, expect, it } from "vitest";
import { buildRankerMessages, parseRankerChoice, RANKER_PROMPT } from "@/lib/moa/variants/ranker";
import type { ChatMessage } from "@/lib/moa/conversation";
import { findAnswerSpans } from "@/lib/moa/synthesis";

const conversation: ChatMessage[] = [
  { role: "system", content: "Answer briefly." },
  { role: "user", content: "Why is the sky blue?" },
];

describe("buildRankerMessages", () => {
  it("asks for a number, quoting the conversation and numbering the candidates", () => {
    const messages = buildRankerMessages(conversation, ["Rayleigh scattering.", "The ocean reflects."]);
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(messages[0].content).toBe(RANKER_PROMPT);
    expect(RANKER_PROMPT).toMatch(/number/i);
    const user = messages[1].content;
    expect(user).toContain("<user>\nWhy is the sky blue?\n</user>");
    expect(user).toContain("<system>\nAnswer briefly.\n</system>");
    expect(findAnswerSpans(user).map((s) => [s.n, user.slice(s.start, s.end)])).toEqual([
      [1, "Rayleigh scattering."],
      [2, "The ocean reflects."],
    ]);
    expect(user).toMatch(/from 1 to 2/);
  });
});

describe("parseRankerChoice", () => {
  it.each([
    ["2", 1],
    [" 3.\n", 2],
    ["**3**", 2],
    ["Answer 2", 1],
    ["The best is #1 because answer 3 repeats a myth.", 0],
    ["Of the 3 candidates, 2 is the most accurate.", 1],
    ["Candidate no. 2 is best; candidate 1 is close.", 1],
    ["<think>Maybe 3? No, 1 is wrong…</think>\n2", 1],
    ["Scores 1.5 and 2.5 out of 10; I pick 2.", 1],
  ])("reads %j as candidate index %i", (text, index) => {
    expect(parseRankerChoice(text, 3)).toEqual({ index });
  });

  it.each([
    ["7", /chose 7.*only 3/],
    ["0", /chose 0/],
    ["", /nothing/],
    ["none", /no candidate/],
    ["All of them are equally good.", /no candidate/],
    ["Answer 5 is best.", /chose 5/],
  ])("rejects %j", (text, message) => {
    const choice = parseRankerChoice(text, 3);
    expect(choice).toHaveProperty("error");
    expect("error" in choice && choice.error).toMatch(message);
  });
});
