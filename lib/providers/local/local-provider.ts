import "server-only";
import { NoSuchModelError, type ProviderV3 } from "@ai-sdk/provider";
import type { LocalRuntimeOptions } from "./llama-runtime";
import { LocalLanguageModel } from "./local-language-model";
import { defaultModelsDir } from "./local-models";

export interface LocalProviderOptions extends LocalRuntimeOptions {
  /** Folder of `.gguf` files; defaults to MODELS_DIR or ./models. */
  modelsDir?: string;
}

/**
 * The `local` provider for the registry: `local:<file name>` runs `<modelsDir>/<file name>.gguf`
 * in process. Models are resolved lazily, so a file added to the folder works without a restart.
 */
export function createLocalProvider(options: LocalProviderOptions = {}): ProviderV3 {
  const { modelsDir = defaultModelsDir(), ...runtime } = options;
  return {
    specificationVersion: "v3",
    languageModel: (modelId: string) => new LocalLanguageModel(modelId, modelsDir, runtime),
    embeddingModel: (modelId: string) => {
      throw new NoSuchModelError({ modelId, modelType: "embeddingModel" });
    },
    imageModel: (modelId: string) => {
      throw new NoSuchModelError({ modelId, modelType: "imageModel" });
    },
  };
}
