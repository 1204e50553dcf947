import "server-only";
export { createLocalProvider } from "./local-provider";
export { listLocalModels, defaultModelsDir } from "./local-models";
export { unloadLocalModels } from "./llama-runtime";
