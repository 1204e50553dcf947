import type { ChatMessage } from "../conversation";
import { formatAnswers } from "../synthesis";
import { formatTranscript } from "../variants/transcript";
import { completeOrder, numbered, parseOrder } from "./parse";
import type { MethodOf } from "./schema";
import type { Strategy } from "./strategy";

/** LLM-Blender's first stage (Jiang et al. 2023, arXiv 2306.02561) as one listwise call: order every candidate. */
export const RANK_ORDER_PROMPT = [
  "You rank candidate replies; you do not write one.",
  "Order all candidates from best to worst for this user: correct, complete, clear and on point.",
  "Reply with every candidate number once, best first, separated by ' > ', for example: 3 > 1 > 2",
].join(" ");

export function buildRankOrderMessages(conversation: ChatMessage[], candidates: string[]): ChatMessage[] {
  const user = [formatTranscript(conversation), `Candidate replies (${candidates.length}):`, formatAnswers(candidates), "Rank them, best first."].join("\n\n");
  return [
    { role: "system", content: RANK_ORDER_PROMPT },
    { role: "user", content: user },
  ];
}

/**
 * Rank-then-Fuse: the final aggregator's model first ranks the candidates, then only the top k,
 * best first, reach the fuser. Ranking alone cannot beat its best candidate; fusing the few
 * best keeps the weak ones from diluting the answer.
 */
export function rankFuseStrategy(method: MethodOf<"rank-fuse">): Strategy {
  return {
    plan: async (index, ctx) => {
      const final = ctx.config.layers.length - 1;
      const answers = ctx.answers[ctx.lastRan(index)] ?? [];
      if (index !== final || answers.length <= 1) return {};
      const { system: _own, ...ranker } = ctx.config.layers[final].agents[0];
      const result = await ctx.call(ranker, buildRankOrderMessages(ctx.messages, answers.map((a) => a.text)));
      const parsed = result.ok ? parseOrder(result.text, answers.length) : [];
      const order = completeOrder(parsed, answers.length);
      const top = order.slice(0, method.k).map((i) => answers[i]);
      const how = result.ok ? (parsed.length > 0 ? `Ranked ${numbered(order)}` : "The ranking named no candidate, so the order is as given") : `The ranking failed (${result.error}), so the order is as given`;
      ctx.step({
        layer: index,
        step: "rank",
        note: `${how}; the top ${top.length} of ${answers.length} go to the fuser, best first.`,
        model: ranker.model,
        ...(result.ok && { reply: result.text, usage: result.usage }),
        inputs: top.map((a) => a.ref),
      });
      return { inputs: top };
    },
  };
}
