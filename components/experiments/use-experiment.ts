"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ensureOwner, readOwner } from "@/lib/client/owner";
import {
  cancelExperimentJob,
  fetchExperimentResults,
  fetchExperimentSummary,
  keysToResend,
  resumeExperimentJob,
  startExperimentJob,
  type ExperimentSummary,
} from "@/lib/client/experiments/job-client";
import { useSettingsStore } from "@/lib/client/settings-store";
import { emptyProgress, type ExperimentPlan, type ExperimentProgress } from "@/lib/experiments/types";

export interface ExperimentControls {
  /** The server job shown, when the page shows one (an imported file is not a job). */
  jobId: string | null;
  plan: ExperimentPlan | null;
  progress: ExperimentProgress;
  summary: ExperimentSummary | null;
  /** This browser started the job: it may cancel it. */
  owner: boolean;
  running: boolean;
  error: string | null;
  done: number;
  total: number;
  /** Starts a job; with a budget the server stops it once it has spent that much. */
  start(plan: ExperimentPlan, budgetUsd?: number): void;
  open(id: string): void;
  stop(): void;
  /** Shows an imported experiment without running it. */
  show(plan: ExperimentPlan, progress: ExperimentProgress): void;
  clear(): void;
}

const POLL_MS = 1_000;
/** An 805-prompt job's results are large: read them again at most this often while it runs. */
const RESULTS_EVERY_MS = 4_000;

/** The job in the address, so the page's URL is its share link (read-only without the owner secret). */
function jobInUrl(): string | null {
  return new URL(window.location.href).searchParams.get("id");
}

function putJobInUrl(id: string | null): void {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set("id", id);
  else url.searchParams.delete("id");
  window.history.replaceState(null, "", url);
}

/**
 * Follows one experiment job on the server: its progress every second, its results as they
 * come. Closing the tab does not stop the job; opening its link again shows where it is.
 */
export function useExperiment(): ExperimentControls {
  const [jobId, setJobId] = useState<string | null>(null);
  const [plan, setPlan] = useState<ExperimentPlan | null>(null);
  const [progress, setProgress] = useState<ExperimentProgress>(emptyProgress());
  const [summary, setSummary] = useState<ExperimentSummary | null>(null);
  const [owner, setOwner] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resultsAt = useRef({ done: -1, at: 0 });
  const resumedAt = useRef(0);

  const open = useCallback((id: string) => {
    resultsAt.current = { done: -1, at: 0 };
    setJobId(id);
    setSummary(null);
    setError(null);
    putJobInUrl(id);
  }, []);

  useEffect(() => {
    const id = jobInUrl();
    if (id) open(id);
  }, [open]);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const { experiment, access } = await fetchExperimentSummary(jobId, readOwner());
        if (stopped) return;
        setSummary(experiment);
        setOwner(access === "owner");
        // The server lost the pasted keys (restart, TTL): the owner's open page sends them again.
        const keys = keysToResend({ status: experiment.status, access }, useSettingsStore.getState().runKeys(), resumedAt.current, Date.now());
        if (keys) {
          resumedAt.current = Date.now();
          await resumeExperimentJob(jobId, readOwner(), keys);
        }
        const ended = experiment.status !== "running";
        const seen = resultsAt.current;
        if (experiment.done !== seen.done && (ended || Date.now() - seen.at >= RESULTS_EVERY_MS)) {
          resultsAt.current = { done: experiment.done, at: Date.now() };
          const results = await fetchExperimentResults(jobId);
          if (stopped) return;
          setPlan(results.plan);
          setProgress(results.progress);
        }
        setError(null);
        if (ended && resultsAt.current.done === experiment.done) return;
      } catch (e) {
        if (!stopped) setError(e instanceof Error ? e.message : "The experiment could not be read.");
      }
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);

  // A paused job is not over: it still has units to do, and its owner may stop it.
  const running = summary?.status === "running" || summary?.status === "paused";
  return {
    jobId,
    plan,
    progress,
    summary,
    owner,
    running,
    error,
    done: summary?.done ?? 0,
    total: summary?.total ?? 0,
    start: (next, budgetUsd) => {
      setError(null);
      startExperimentJob(next, ensureOwner(), budgetUsd, useSettingsStore.getState().runKeys()).then(
        ({ id }) => {
          setPlan({ ...next, id });
          setProgress(emptyProgress());
          open(id);
        },
        (e: unknown) => setError(e instanceof Error ? e.message : "The experiment could not start."),
      );
    },
    open,
    stop: () => {
      if (jobId) cancelExperimentJob(jobId, readOwner()).catch((e: unknown) => setError(e instanceof Error ? e.message : "Could not cancel."));
    },
    show: (p, pr) => {
      setJobId(null);
      putJobInUrl(null);
      setSummary(null);
      setPlan(p);
      setProgress(pr);
    },
    clear: () => {
      setJobId(null);
      putJobInUrl(null);
      setSummary(null);
      setPlan(null);
      setProgress(emptyProgress());
    },
  };
}
