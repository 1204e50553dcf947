import type { MoAConfig } from "@/lib/moa/config";
import { plural } from "@/lib/plural";

/**
 * What happens when layer `layer` (0-based) starts, in one sentence for a projector.
 * `answers` is how many answers the previous layer actually produced (failed or skipped
 * agents give none), defaulting to the previous layer's size.
 */
export function layerCaption(config: MoAConfig, layer: number, answers?: number): string {
  const count = config.layers.length;
  const agents = config.layers[layer]?.agents.length ?? 0;
  if (layer <= 0) {
    return count === 1
      ? "The model answers the prompt on its own"
      : `Each of the ${plural(agents, "proposer")} answers the prompt on its own, without seeing the others`.replace("Each of the 1 proposer", "The proposer");
  }
  const read = answers ?? config.layers[layer - 1]?.agents.length ?? 0;
  const them = read === 1 ? "the 1 answer" : `the ${read} answers`;
  if (layer === count - 1) return `The final aggregator reads ${them} and writes the answer`;
  if (agents === 1) return `The aggregator now reads ${them} above and writes its own`;
  return `Each of the ${agents} aggregators now reads ${them} above and writes its own`;
}
