import type { ChatMessage } from "../conversation";
import { formatAnswers } from "../synthesis";
import { formatTranscript } from "../variants/transcript";
import { completeOrder, parseOrder } from "./parse";
import type { MethodOf } from "./schema";
import type { Answer, MethodContext, Strategy } from "./strategy";

export function smoaJudgePrompt(k: number): string {
  return [
    "You are the judge of a panel: pick the answers worth passing on to the next round.",
    `Choose the ${k} best candidates for this user: correct, complete and clear.`,
    `Reply with the numbers of exactly ${k} candidates, best first, separated by commas, for example: 2, 5`,
  ].join(" ");
}

export const SMOA_MODERATOR_PROMPT = [
  "You moderate a panel of models refining their answers round by round.",
  "Decide whether another round would still improve them: if the answers already agree on the substance, it would not.",
  "Reply with STOP to end the rounds now, or CONTINUE for another round, and nothing else.",
].join(" ");

function gradingMessages(system: string, conversation: ChatMessage[], answers: Answer[], ask: string): ChatMessage[] {
  const texts = answers.map((a) => a.text);
  const user = [formatTranscript(conversation), `Candidate replies (${texts.length}):`, formatAnswers(texts), ask].join("\n\n");
  return [
    { role: "system", content: system },
    { role: "user", content: user },
  ];
}

/**
 * Sparse Mixture-of-Agents (Li et al. 2024, arXiv 2411.03284): between layers a judge forwards
 * only the k best answers, so every next agent reads k instead of all; a moderator may end the
 * rounds early once the answers agree, and the final aggregator writes from what is there.
 */
export function smoaStrategy(method: MethodOf<"smoa">): Strategy {
  let stopped = false;
  const judgeOf = (ctx: MethodContext, index: number) => method.judge ?? ctx.config.layers[index].agents[0].model;

  async function moderate(index: number, answers: Answer[], ctx: MethodContext): Promise<boolean> {
    const model = method.judge ?? ctx.config.layers.at(-1)!.agents[0].model;
    const result = await ctx.call(model, gradingMessages(SMOA_MODERATOR_PROMPT, ctx.messages, answers, "STOP or CONTINUE?"));
    const stop = result.ok && /\bSTOP\b/i.test(result.text) && !/\bCONTINUE\b/i.test(result.text);
    ctx.step({
      layer: index,
      step: "moderate",
      note: stop ? `The moderator ended the rounds after layer ${index}: the answers agree.` : `The moderator asked for layer ${index + 1}.`,
      model,
      stop,
      ...(result.ok && { reply: result.text, usage: result.usage }),
    });
    return stop;
  }

  return {
    plan: async (index, ctx) => {
      const final = ctx.config.layers.length - 1;
      const answers = ctx.answers[ctx.lastRan(index)] ?? [];
      if (stopped && index < final) return { skip: "the moderator ended the rounds early" };
      if (index >= 2 && index < final && method.moderator !== false && (await moderate(index, answers, ctx))) {
        stopped = true;
        return { skip: "the moderator ended the rounds early" };
      }
      if (answers.length <= method.k) {
        ctx.step({ layer: index, step: "select", note: `All ${answers.length} answers go on (k = ${method.k}).`, inputs: answers.map((a) => a.ref) });
        return { inputs: answers };
      }
      const judge = judgeOf(ctx, index);
      const result = await ctx.call(judge, gradingMessages(smoaJudgePrompt(method.k), ctx.messages, answers, `Which ${method.k} go on?`));
      const order = completeOrder(result.ok ? parseOrder(result.text, answers.length) : [], answers.length);
      const picked = order.slice(0, method.k).map((i) => answers[i]);
      ctx.step({
        layer: index,
        step: "select",
        note: `The judge passed ${picked.length} of ${answers.length} answers (${order.slice(0, method.k).map((i) => i + 1).join(", ")}) to layer ${index + 1}.`,
        model: judge,
        ...(result.ok ? { reply: result.text, usage: result.usage } : {}),
        inputs: picked.map((a) => a.ref),
      });
      return { inputs: picked };
    },
  };
}
