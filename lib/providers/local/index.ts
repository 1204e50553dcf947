import "server-only";
export { createLocalProvider, type LocalProviderOptions } from "./local-provider";
export { listLocalModels, defaultModelsDir, LocalModelNotFoundError, type LocalModelFile } from "./local-models";
export { LocalLanguageModel } from "./local-language-model";
export { unloadLocalModels, DEFAULT_SEQUENCES, DEFAULT_CONTEXT_SIZE } from "./llama-runtime";
