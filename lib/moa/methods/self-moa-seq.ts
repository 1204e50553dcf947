import type { MethodOf } from "./schema";
import type { Strategy } from "./strategy";

/**
 * Self-MoA-Seq (Li et al. 2025, arXiv 2502.00674): many samples of one model are aggregated
 * in a sliding window: step 1 reads the first w samples, each later step the synthesis so far
 * plus the next w − 1, so no call ever reads more than w answers.
 */
export function selfMoASeqStrategy(method: MethodOf<"self-moa-seq">): Strategy {
  const w = method.window;
  return {
    plan: (index, ctx) => {
      const samples = ctx.answers[0] ?? [];
      const from = index === 1 ? 0 : w + (index - 2) * (w - 1);
      const to = index === 1 ? w : from + w - 1;
      const window = samples.slice(from, to);
      const previous = index === 1 ? [] : (ctx.answers[index - 1] ?? []).slice(0, 1);
      const inputs = [...previous, ...window];
      const range = window.length === 0 ? "no new samples" : `sample${window.length === 1 ? "" : "s"} ${from + 1}–${from + window.length}`;
      ctx.step({
        layer: index,
        step: "select",
        note: index === 1 ? `Step 1 reads ${range} (window ${w}).` : `Step ${index} reads the synthesis so far and ${range} (window ${w}).`,
        inputs: inputs.map((a) => a.ref),
      });
      return { inputs };
    },
  };
}
