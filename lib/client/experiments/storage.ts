import { savedExperimentSchema, type ExperimentPlan, type ExperimentProgress, type SavedExperiment } from "@/lib/experiments/types";

const PREFIX = "moa-experiment:";
const LAST_KEY = "moa-experiment-last";

/** The slice of `Storage` used here, so tests can pass a Map-backed one. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function browser(): KeyValueStorage | undefined {
  return typeof localStorage === "undefined" ? undefined : localStorage;
}

/** Persists an experiment after every step, so a reload can resume it. Quota errors are reported, not thrown. */
export function saveExperiment(plan: ExperimentPlan, progress: ExperimentProgress, stopped = false, storage = browser()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PREFIX + plan.id, JSON.stringify({ plan, progress, ...(stopped ? { stopped } : {}) }));
    storage.setItem(LAST_KEY, plan.id);
    return true;
  } catch {
    return false;
  }
}

/** A stored experiment, or undefined when absent or no longer readable (older format, hand-edited). */
export function loadExperiment(id: string, storage = browser()): SavedExperiment | undefined {
  const raw = storage?.getItem(PREFIX + id);
  if (!raw) return undefined;
  try {
    const parsed = savedExperimentSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function lastExperimentId(storage = browser()): string | undefined {
  return storage?.getItem(LAST_KEY) ?? undefined;
}

export function forgetExperiment(id: string, storage = browser()): void {
  storage?.removeItem(PREFIX + id);
  if (storage?.getItem(LAST_KEY) === id) storage.removeItem(LAST_KEY);
}
