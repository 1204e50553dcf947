import type { ChatMessage } from "../conversation";
import { parseRankerChoice } from "../variants/ranker";
import { refLabel } from "./parse";
import type { MethodContext, Strategy } from "./strategy";

/**
 * Methods whose final agent selects instead of writing (LLM-Ranker, Universal Self-Consistency):
 * it reads the candidates, names one, and the run answers with that candidate verbatim.
 */
export function selectorStrategy(name: string, build: (conversation: ChatMessage[], candidates: string[]) => ChatMessage[]): Strategy {
  const finalIndex = (ctx: MethodContext) => ctx.config.layers.length - 1;
  return {
    plan: (index, ctx) => (index === finalIndex(ctx) ? { messages: (_agent, answers) => build(ctx.messages, answers) } : {}),
    finish: (text, ctx) => {
      const candidates = ctx.inputs[finalIndex(ctx)] ?? [];
      const choice = parseRankerChoice(text, candidates.length);
      const index = "index" in choice ? choice.index : 0;
      const chosen = candidates[index];
      if (!chosen) return text;
      const note =
        "index" in choice
          ? `The ${name} chose answer ${index + 1} of ${candidates.length} (${refLabel(chosen.ref)}); the run answers with it word for word.`
          : `Could not read a choice (${choice.error}); the run answers with answer 1 (${refLabel(chosen.ref)}).`;
      ctx.step({ layer: finalIndex(ctx), step: "select", note });
      return chosen.text;
    },
  };
}
