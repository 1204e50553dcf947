import "server-only";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel } from "node-llama-cpp";
import { processGlobal } from "@/lib/process-global";
import { createSequencePool, type SequencePool } from "./sequence-pool";

export interface LocalRuntimeOptions {
  /** Parallel generations per model; more requests queue. */
  sequences?: number;
  /** Tokens per sequence, capped by what the model was trained on. */
  contextSize?: number;
  /** CPU threads per model; defaults to LOCAL_MODEL_THREADS, else see `defaultThreads`. Capped at the cores. */
  threads?: number;
}

export interface LoadedLocalModel {
  path: string;
  model: LlamaModel;
  context: LlamaContext;
  pool: SequencePool<LlamaContextSequence>;
}

interface RuntimeCache {
  llama?: Promise<Llama>;
  models: Map<string, Promise<LoadedLocalModel>>;
}

export const DEFAULT_SEQUENCES = 4;
export const DEFAULT_CONTEXT_SIZE = 4096;

// One cache per process, not per module instance: Next dev reloads and every agent of every
// run must share the loaded weights instead of mapping the file again.
function cache(): RuntimeCache {
  return processGlobal<RuntimeCache>("local-llama-runtime", () => ({ models: new Map() }));
}

export function cpuThreads(): number {
  return Math.max(1, availableParallelism());
}

const SMALL_MODEL_BYTES = 64 * 1024 * 1024;

/**
 * Every core for real models. A model of a few MB does less work per token than llama.cpp's
 * threads spend synchronising, and on a busy machine their spin-waits made a tiny model
 * 20-100x slower with 2 threads than with 1.
 */
export function defaultThreads(fileBytes: number, env: Record<string, string | undefined> = process.env): number {
  const fromEnv = Number.parseInt(env.LOCAL_MODEL_THREADS ?? "", 10);
  if (fromEnv > 0) return Math.min(fromEnv, cpuThreads());
  return fileBytes < SMALL_MODEL_BYTES ? 1 : cpuThreads();
}

async function llamaInstance(): Promise<Llama> {
  const state = cache();
  state.llama ??= (async () => {
    // Imported lazily: the native addon loads only when someone actually uses a local model.
    const { getLlama, LlamaLogLevel } = await import("node-llama-cpp");
    // Prebuilt CPU binaries only: never download or compile at run time. More threads than
    // cores makes llama.cpp's spin-waiting workers orders of magnitude slower.
    return getLlama({ gpu: false, build: "never", maxThreads: cpuThreads(), logLevel: LlamaLogLevel.error, progressLogs: false });
  })();
  try {
    return await state.llama;
  } catch (error) {
    state.llama = undefined;
    throw new Error(`cannot start llama.cpp for local models: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function load(path: string, options: LocalRuntimeOptions): Promise<LoadedLocalModel> {
  const threads = Math.min(options.threads ?? defaultThreads((await stat(path)).size), cpuThreads());
  const llama = await llamaInstance();
  const model = await llama.loadModel({ modelPath: path });
  const sequences = options.sequences ?? DEFAULT_SEQUENCES;
  try {
    const context = await model.createContext({
      sequences,
      contextSize: { max: options.contextSize ?? DEFAULT_CONTEXT_SIZE },
      threads,
    });
    return { path, model, context, pool: createSequencePool(sequences, () => context.getSequence()) };
  } catch (error) {
    await model.dispose();
    throw error;
  }
}

/** The model at `path`, loaded once per process however many agents ask for it at once. */
export function loadLocalModel(path: string, options: LocalRuntimeOptions = {}): Promise<LoadedLocalModel> {
  const models = cache().models;
  let loading = models.get(path);
  if (!loading) {
    loading = load(path, options);
    models.set(path, loading);
    // A failed load is forgotten so that fixing the file and retrying works.
    loading.catch(() => models.delete(path));
  }
  return loading;
}

/** Frees every loaded model (tests, shutdown). */
export async function unloadLocalModels(): Promise<void> {
  const models = cache().models;
  const loaded = await Promise.allSettled([...models.values()]);
  models.clear();
  for (const result of loaded) {
    if (result.status === "fulfilled") {
      await result.value.context.dispose();
      await result.value.model.dispose();
    }
  }
}
