import { carryOver, meanPairwise, pickDiverse } from "./diversity";
import { DEFAULT_CONVERGENCE, DEFAULT_EMBEDDER, type MethodOf } from "./schema";
import type { MethodContext, Strategy } from "./strategy";

const fmt = (x: number) => x.toFixed(2);

/**
 * RMoA-style residual selection (Xie et al. 2025, arXiv 2505.24442): answers are embedded
 * (AI SDK `embedMany`), a greedy pass keeps the k most diverse for the next layer, and the
 * rounds stop once a layer's answers barely differ from the layer before (converged).
 */
export function rmoaStrategy(method: MethodOf<"rmoa">): Strategy {
  const embedder = method.embedder ?? DEFAULT_EMBEDDER;
  const threshold = method.threshold ?? DEFAULT_CONVERGENCE;
  const vectors = new Map<number, number[][]>();
  let stopped = false;

  async function vectorsOf(layer: number, ctx: MethodContext): Promise<number[][]> {
    const cached = vectors.get(layer);
    if (cached) return cached;
    const { embeddings } = await ctx.embed(embedder, (ctx.answers[layer] ?? []).map((a) => a.text));
    vectors.set(layer, embeddings);
    return embeddings;
  }

  return {
    plan: async (index, ctx) => {
      const final = ctx.config.layers.length - 1;
      const source = ctx.lastRan(index);
      const answers = ctx.answers[source] ?? [];
      if (stopped && index < final) return { skip: "the answers had converged" };
      let current: number[][];
      try {
        current = await vectorsOf(source, ctx);
      } catch (error) {
        if (ctx.signal.aborted) return {};
        // Without vectors there is nothing to select by: the layer reads everything, as in MoA.
        const reason = error instanceof Error ? error.message : String(error);
        ctx.step({ layer: index, step: "select", note: `Could not embed the answers with ${embedder} (${reason}); all ${answers.length} go on.`, model: embedder, inputs: answers.map((a) => a.ref) });
        return { inputs: answers };
      }
      if (index < final && source >= 1) {
        const similarity = carryOver(current, await vectorsOf(ctx.lastRan(source), ctx));
        const stop = similarity >= threshold;
        ctx.step({
          layer: index,
          step: "converge",
          note: stop
            ? `Layer ${source + 1} repeats layer ${ctx.lastRan(source) + 1} (similarity ${fmt(similarity)} ≥ ${fmt(threshold)}): converged, straight to the final aggregator.`
            : `Layer ${source + 1} still differs from layer ${ctx.lastRan(source) + 1} (similarity ${fmt(similarity)} < ${fmt(threshold)}): another layer.`,
          model: embedder,
          stop,
        });
        if (stop) {
          stopped = true;
          return { skip: "the answers had converged" };
        }
      }
      const picked = pickDiverse(current, method.k);
      const all = answers.map((_, i) => i);
      ctx.step({
        layer: index,
        step: "select",
        note:
          picked.length === answers.length
            ? `All ${answers.length} answers go on (k = ${method.k}).`
            : `Kept the ${picked.length} most diverse of ${answers.length} answers (${picked.map((i) => i + 1).join(", ")}): mean similarity ${fmt(meanPairwise(current, picked))} among them, ${fmt(meanPairwise(current, all))} among all.`,
        model: embedder,
        inputs: picked.map((i) => answers[i].ref),
      });
      return { inputs: picked.map((i) => answers[i]) };
    },
  };
}
