import "server-only";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { NoSuchModelError, type LanguageModelV3, type ProviderV3 } from "@ai-sdk/provider";
import { createProviderRegistry, type EmbeddingModel, type LanguageModel } from "ai";
import { AppError } from "@/lib/errors";
import { allowPrivateByDefault } from "@/lib/security/endpoint-guard";
import { guardedFetch } from "@/lib/security/guarded-fetch";
import type { RunKeys } from "@/lib/wire/keys";
import { providerSetups, type Env, type ProviderSetup } from "./provider-config";
import { createLocalProvider, defaultModelsDir } from "./local";
import { createSimProvider } from "./sim/sim-provider";

export interface ModelResolverOptions {
  env?: Env;
  /** Keys sent with one run; they override the env for this resolver only. */
  keys?: RunKeys;
}

/** o1, o3, o4-mini, gpt-5…: OpenAI's reasoning families. */
export function isOpenAIReasoningModel(id: string): boolean {
  return /^(o\d|gpt-5)(?!-chat)/.test(id);
}

function languageOnly(languageModel: (id: string) => LanguageModelV3): ProviderV3 {
  return {
    specificationVersion: "v3",
    languageModel,
    embeddingModel: (modelId) => {
      throw new NoSuchModelError({ modelId, modelType: "embeddingModel" });
    },
    imageModel: (modelId) => {
      throw new NoSuchModelError({ modelId, modelType: "imageModel" });
    },
  };
}

function buildProvider(setup: ProviderSetup, env: Env): ProviderV3 {
  switch (setup.id) {
    case "sim":
      return createSimProvider({ env });
    case "openai": {
      // Chat Completions, the wire format every other provider here speaks, except for reasoning
      // models: only the Responses API streams their reasoning (as summaries).
      const openai = createOpenAI({ apiKey: setup.apiKey });
      return languageOnly((id) => (isOpenAIReasoningModel(id) ? openai.responses(id) : openai.chat(id)));
    }
    case "anthropic":
      return createAnthropic({ apiKey: setup.apiKey });
    case "local":
      return createLocalProvider({ modelsDir: defaultModelsDir(env) });
    default:
      return createOpenAICompatible({
        name: setup.id,
        baseURL: setup.baseURL!,
        apiKey: setup.apiKey,
        includeUsage: true,
        // Checked on every hop, redirects included: a pasted URL must not reach private networks.
        fetch: setup.userEndpoint ? guardedFetch({ allowPrivate: allowPrivateByDefault(env) }) : undefined,
      });
  }
}

/**
 * Turns `provider:model` ids into AI SDK models from what is configured now. Unconfigured
 * or unknown providers fail with a message that says how to configure them.
 */
export function createModelResolver(options: ModelResolverOptions = {}): (modelId: string) => LanguageModel {
  return createResolvers(options).languageModel;
}

/** Language and embedding models from one registry (embeddings serve methods such as RMoA). */
export function createResolvers(options: ModelResolverOptions = {}): {
  languageModel: (modelId: string) => LanguageModel;
  embeddingModel: (modelId: string) => EmbeddingModel;
} {
  const env = options.env ?? process.env;
  const setups = providerSetups(env, options.keys ?? {});
  const byId = new Map(setups.map((s) => [s.id as string, s]));
  const providers: Record<string, ProviderV3> = {};
  for (const setup of setups) if (setup.available) providers[setup.id] = buildProvider(setup, env);
  const registry = createProviderRegistry(providers, { separator: ":" });
  const embeddingModel = (modelId: string) => {
    try {
      return registry.embeddingModel(modelId as `${string}:${string}`);
    } catch (error) {
      throw new AppError("bad_request:model", `cannot use embedding model "${modelId}"`, { cause: error });
    }
  };

  const languageModel = (modelId: string) => {
    const colon = modelId.indexOf(":");
    const providerId = colon > 0 ? modelId.slice(0, colon) : "";
    const setup = byId.get(providerId);
    if (!setup) {
      throw new AppError("bad_request:model", `unknown provider "${providerId || modelId}": use one of ${setups.map((s) => s.id).join(", ")}`);
    }
    if (!setup.available) throw new AppError("bad_request:model", `${providerId} is not configured: ${setup.reason}`);
    if (colon === modelId.length - 1) throw new AppError("bad_request:model", `model id "${modelId}" names no model`);
    try {
      return registry.languageModel(modelId as `${string}:${string}`);
    } catch (error) {
      throw new AppError("bad_request:model", `cannot use model "${modelId}"`, { cause: error });
    }
  };
  return { languageModel, embeddingModel };
}
