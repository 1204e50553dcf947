"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { browserRunnerDeps } from "@/lib/client/experiments/browser-deps";
import { lastExperimentId, loadExperiment, saveExperiment } from "@/lib/client/experiments/storage";
import { ensureOwner } from "@/lib/client/owner";
import { useSettingsStore } from "@/lib/client/settings-store";
import { doneSteps, runExperiment, totalSteps } from "@/lib/experiments/runner";
import { emptyProgress, type ExperimentPlan, type ExperimentProgress } from "@/lib/experiments/types";


export interface ExperimentControls {
  plan: ExperimentPlan | null;
  progress: ExperimentProgress;
  running: boolean;
  error: string | null;
  done: number;
  total: number;
  start(plan: ExperimentPlan): void;
  resume(): void;
  stop(): void;
  /** Shows an imported or stored experiment without running it. */
  show(plan: ExperimentPlan, progress: ExperimentProgress): void;
  clear(): void;
}

/**
 * Drives one experiment in the browser (see `browserRunnerDeps` for where runs and verdicts go);
 * progress is saved after every step so a reload continues where it stopped.
 */
export function useExperiment(concurrency: number): ExperimentControls {
  const [plan, setPlan] = useState<ExperimentPlan | null>(null);
  const [progress, setProgress] = useState<ExperimentProgress>(emptyProgress());
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const latest = useRef<{ plan: ExperimentPlan | null; progress: ExperimentProgress }>({ plan: null, progress: emptyProgress() });

  const go = useCallback(
    (target: ExperimentPlan, from: ExperimentProgress) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      latest.current = { plan: target, progress: from };
      setPlan(target);
      setProgress(from);
      setRunning(true);
      setError(null);
      saveExperiment(target, from);
      const keys = () => useSettingsStore.getState().runKeys();
      void runExperiment(
        target,
        from,
        {
          ...browserRunnerDeps({ keys, owner: () => ensureOwner() }),
          onProgress: (next) => {
            latest.current = { plan: target, progress: next };
            saveExperiment(target, next);
            if (controller.current === abort) setProgress(next);
          },
        },
        { concurrency, signal: abort.signal },
      )
        .catch((e: unknown) => {
          if (!abort.signal.aborted) setError(e instanceof Error ? e.message : "The experiment stopped on an error.");
        })
        .finally(() => {
          if (controller.current === abort) setRunning(false);
        });
    },
    [concurrency],
  );

  // On load: show the last experiment, and continue it unless it was stopped on purpose.
  useEffect(() => {
    const id = lastExperimentId();
    const saved = id ? loadExperiment(id) : undefined;
    if (!saved) return;
    const finished = doneSteps(saved.plan, saved.progress) >= totalSteps(saved.plan);
    if (!finished && !saved.stopped) go(saved.plan, saved.progress);
    else {
      latest.current = { plan: saved.plan, progress: saved.progress };
      setPlan(saved.plan);
      setProgress(saved.progress);
    }
    return () => controller.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  return {
    plan,
    progress,
    running,
    error,
    done: plan ? doneSteps(plan, progress) : 0,
    total: plan ? totalSteps(plan) : 0,
    start: (p) => go(p, emptyProgress()),
    resume: () => {
      const { plan: p, progress: pr } = latest.current;
      if (p) go(p, pr);
    },
    stop: () => {
      const { plan: p, progress: pr } = latest.current;
      controller.current?.abort();
      controller.current = null;
      setRunning(false);
      if (p) saveExperiment(p, pr, true);
    },
    show: (p, pr) => {
      controller.current?.abort();
      controller.current = null;
      latest.current = { plan: p, progress: pr };
      setPlan(p);
      setProgress(pr);
      setRunning(false);
      saveExperiment(p, pr, true);
    },
    clear: () => {
      controller.current?.abort();
      controller.current = null;
      latest.current = { plan: null, progress: emptyProgress() };
      setPlan(null);
      setProgress(emptyProgress());
      setRunning(false);
    },
  };
}
