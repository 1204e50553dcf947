import { NoSuchModelError, type ProviderV3 } from "@ai-sdk/provider";
import { SimEmbeddingModel } from "./sim-embedding";
import { SimLanguageModel } from "./sim-model";

/** The `sim` provider for the registry: language models and the hashed bag-of-words embedder. */
export function createSimProvider(options: { env?: Record<string, string | undefined> } = {}): ProviderV3 {
  return {
    specificationVersion: "v3",
    languageModel: (modelId: string) => new SimLanguageModel(modelId, options),
    embeddingModel: (modelId: string) => new SimEmbeddingModel(modelId),
    imageModel: (modelId: string) => {
      throw new NoSuchModelError({ modelId, modelType: "imageModel" });
    },
  };
}
