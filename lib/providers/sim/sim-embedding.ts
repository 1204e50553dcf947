import type { EmbeddingModelV3, EmbeddingModelV3CallOptions, EmbeddingModelV3Result } from "@ai-sdk/provider";
import { hashString } from "./rng";

export const SIM_EMBEDDING_DIMENSIONS = 256;

/** Words of three letters or more: short function words would make every text look alike. */
function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);
}

/**
 * A hashed bag of words, L2-normalised: texts sharing words point the same way, so cosine
 * similarity measures word overlap. Deterministic, local and instant; a stand-in for a real
 * embedding model offline (each word lands in one of 256 buckets with a hashed sign).
 */
export function hashedBagOfWords(text: string, dimensions = SIM_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of words(text)) {
    const h = hashString(word);
    vector[h % dimensions] += (h >>> 31) === 1 ? -1 : 1;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((v) => v / norm);
}

/** `sim:hash-bow` (any `sim:` id): the offline embedding model, as an AI SDK EmbeddingModel. */
export class SimEmbeddingModel implements EmbeddingModelV3 {
  readonly specificationVersion = "v3" as const;
  readonly provider = "sim";
  readonly maxEmbeddingsPerCall = 256;
  readonly supportsParallelCalls = true;
  constructor(readonly modelId: string) {}

  async doEmbed(options: EmbeddingModelV3CallOptions): Promise<EmbeddingModelV3Result> {
    if (options.abortSignal?.aborted) throw options.abortSignal.reason ?? new DOMException("The operation was aborted.", "AbortError");
    return {
      embeddings: options.values.map((v) => hashedBagOfWords(v)),
      usage: { tokens: options.values.reduce((n, v) => n + words(v).length, 0) },
      warnings: [],
    };
  }
}
