import { describe, expect, it } from "vitest";
import { buildJudgeMessages, parseJudgeVerdict, combineSwappedVerdicts } from "@/lib/moa/variants/judge";
import { judgeReply } from "@/lib/providers/sim/demo-behaviours";
import type { ReadPrompt } from "@/lib/providers/sim/prompt";

function asPrompt(messages: { role: string; content: string }[]): ReadPrompt {
  const system = messages.filter((m) => m.role === "system").map((m) => m.content).join("\n");
  const question = messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
  return { question, system, answers: [], all: system + question };
}

const conversation = [{ role: "user" as const, content: "Why do leaves change colour in autumn?" }];
const thin = "Leaves change colour because of the weather.";
const rich =
  "Chlorophyll breaks down as days shorten, revealing carotenoids; anthocyanins form from trapped sugars, giving reds. Cold nights and sunny days intensify pigments.";

describe("simulated judge", () => {
  it("prefers the reply that covers more ground, in either order", () => {
    const first = parseJudgeVerdict(judgeReply(asPrompt(buildJudgeMessages(conversation, thin, rich)))!);
    const second = parseJudgeVerdict(judgeReply(asPrompt(buildJudgeMessages(conversation, rich, thin)))!);
    if ("error" in first || "error" in second) throw new Error("unparsable verdict");
    expect(first.winner).toBe("B");
    expect(second.winner).toBe("A");
    expect(combineSwappedVerdicts(first, second)).toMatchObject({ winner: "second", consistent: true });
  });

  it("calls near-equal replies a tie and ignores prompts that are not judge prompts", () => {
    const verdict = parseJudgeVerdict(judgeReply(asPrompt(buildJudgeMessages(conversation, rich, `${rich} `)))!);
    expect(verdict).toMatchObject({ winner: "tie" });
    expect(judgeReply(asPrompt(conversation))).toBeUndefined();
  });
});
