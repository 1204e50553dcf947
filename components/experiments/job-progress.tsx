"use client";

import { formatMs, formatUsd } from "@/lib/client/format";
import type { ExperimentSummary } from "@/lib/client/experiments/job-client";

const STATUS_TEXT: Record<string, string> = {
  running: "Running",
  paused: "Paused: needs your keys",
  finished: "Done",
  cancelled: "Cancelled",
  "over-budget": "Stopped at its budget",
};

/**
 * What a job on pasted keys waits for: the server keeps them in memory only, so a restart (or
 * their time running out) pauses it until its owner's page sends them again.
 */
function PausedNote({ owner }: { owner: boolean }) {
  return (
    <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
      {owner
        ? "Paused: the server no longer holds the keys this experiment runs on (they are never stored). Paste them in Settings, or keep this page open with them: it sends them and the job continues where it stopped."
        : "Paused: this experiment waits for its owner's keys. It continues when its owner opens it with them."}
    </p>
  );
}

/** Done/total units, cost so far and time left of a server job; an imported file has no job and shows none of it. */
export function JobProgress({ summary, done, total, jobId, owner = false }: { summary: ExperimentSummary | null; done: number; total: number; jobId: string | null; owner?: boolean }) {
  if (!jobId) return <p className="text-xs text-muted">Imported results: not a job on this server.</p>;
  if (!summary) return <p className="text-xs text-muted">Reading the experiment…</p>;
  const eta = summary.etaMs === null ? null : `about ${formatMs(summary.etaMs)} left`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-3">
        <progress value={done} max={total} aria-label="Experiment progress" className="h-2 flex-1 accent-[var(--c-accent)]" />
        <span className="text-xs text-muted tabular-nums" aria-live="polite">
          {STATUS_TEXT[summary.status] ?? summary.status}: {done} / {total} steps
        </span>
      </div>
      {summary.status === "paused" && <PausedNote owner={owner} />}
      {summary.status === "over-budget" && (
        <p role="alert" className="text-sm font-medium text-amber-800 dark:text-amber-300">
          Stopped by its budget: it spent {formatUsd(summary.costUsd)} of the {formatUsd(summary.budgetUsd)} budget after {done} of {total} steps. The results below cover
          the steps that finished.
        </p>
      )}
      <p className="text-xs text-muted tabular-nums">
        <span>
          Spent {formatUsd(summary.costUsd)}
          {summary.estimate && ` of an estimated ${formatUsd(summary.estimate.usd)}`}
          {summary.budgetUsd !== undefined && ` · budget ${formatUsd(summary.budgetUsd)}`}
          {summary.estimate?.simulatedOnly && " (simulated prices, nothing billed)"}
        </span>
        {summary.running > 0 && ` · ${summary.running} in progress`}
        {eta && ` · ${eta}`} · share:{" "}
        <a className="text-accent hover:underline" href={`/experiments?id=${encodeURIComponent(jobId)}`}>
          this experiment&apos;s link
        </a>
      </p>
    </div>
  );
}
