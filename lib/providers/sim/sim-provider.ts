import { NoSuchModelError, type ProviderV3 } from "@ai-sdk/provider";
import { SimLanguageModel } from "./sim-model";

/** The `sim` provider for the registry: language models only. */
export function createSimProvider(options: { env?: Record<string, string | undefined> } = {}): ProviderV3 {
  return {
    specificationVersion: "v3",
    languageModel: (modelId: string) => new SimLanguageModel(modelId, options),
    embeddingModel: (modelId: string) => {
      throw new NoSuchModelError({ modelId, modelType: "embeddingModel" });
    },
    imageModel: (modelId: string) => {
      throw new NoSuchModelError({ modelId, modelType: "imageModel" });
    },
  };
}
