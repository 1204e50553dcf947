"use client";

import { useEffect, useState } from "react";
import { readOwner } from "@/lib/client/owner";
import { fetchExperimentResults, listExperimentJobs, type ExperimentListItem } from "@/lib/client/experiments/job-client";
import { answerSetFromExperiment } from "@/lib/experiments/answer-sets";
import type { AnswerSet, ExperimentPlan, ExperimentProgress } from "@/lib/experiments/types";

const SELECT = "h-8 min-w-0 flex-1 rounded-md border border-line bg-surface px-2 text-sm";

/**
 * Picks a variant of one of this browser's earlier experiments as the reference: its stored
 * answers are judged as they are, matched to the new prompts by id (the same suite file gives
 * the same ids), so the earlier variant is not run again.
 */
export function StoredReferencePicker({ onPick, disabled, refreshKey }: { onPick(set: AnswerSet | undefined): void; disabled?: boolean; refreshKey?: string }) {
  const [jobs, setJobs] = useState<ExperimentListItem[]>([]);
  const [jobId, setJobId] = useState("");
  const [results, setResults] = useState<{ plan: ExperimentPlan; progress: ExperimentProgress } | null>(null);
  const [variantId, setVariantId] = useState("");
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey is the signal to read the list again (a job started or ended)
  useEffect(() => {
    let live = true;
    listExperimentJobs(readOwner()).then(
      (list) => live && setJobs(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [refreshKey]);

  const openJob = (id: string) => {
    setJobId(id);
    setResults(null);
    setVariantId("");
    setError(null);
    onPick(undefined);
    if (!id) return;
    fetchExperimentResults(id).then(setResults, (e: unknown) => setError(e instanceof Error ? e.message : "The experiment could not be read."));
  };

  const pickVariant = (id: string) => {
    setVariantId(id);
    onPick(results && id ? answerSetFromExperiment(results.plan, results.progress, id) : undefined);
  };

  if (jobs.length === 0) return null;
  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <label className="flex items-center gap-2">
        <span className="text-muted">Answers of</span>
        <select aria-label="Earlier experiment as reference" value={jobId} onChange={(e) => openJob(e.target.value)} disabled={disabled} className={SELECT}>
          <option value="">no earlier experiment</option>
          {jobs.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </select>
      </label>
      {results && (
        <select aria-label="Its variant" value={variantId} onChange={(e) => pickVariant(e.target.value)} disabled={disabled} className={SELECT}>
          <option value="">choose its variant…</option>
          {results.plan.variants.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
