import { ownerHeaders } from "@/lib/client/owner";
import type { ExperimentSummary } from "@/lib/experiments/jobs/view";
import type { ExperimentPlan, ExperimentProgress } from "@/lib/experiments/types";
import type { RunKeys } from "@/lib/wire/keys";

export type { ExperimentSummary };

export interface ExperimentListItem {
  id: string;
  name: string;
  status: string;
  total: number;
  createdAt: string;
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `The server answered ${response.status}.`);
  return body;
}

/**
 * `POST /api/experiments`: the job starts on the server and goes on without this tab. The keys
 * pasted in Settings go with it, as with a run; the server holds them in memory for this job only.
 */
export async function startExperimentJob(plan: ExperimentPlan, owner: string, budgetUsd?: number, keys?: RunKeys): Promise<{ id: string; total: number }> {
  const response = await fetch("/api/experiments", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ plan, owner, ...(budgetUsd !== undefined && { budgetUsd }), ...(keys && { keys }) }),
  });
  return answer(response);
}

/** `POST /api/experiments/<id>/resume` (owner): the keys again, for a job paused without them. */
export async function resumeExperimentJob(id: string, owner: string | null, keys: RunKeys): Promise<void> {
  await answer(
    await fetch(`/api/experiments/${encodeURIComponent(id)}/resume`, {
      method: "POST",
      headers: { "content-type": "application/json", ...ownerHeaders(owner) },
      body: JSON.stringify({ keys }),
    }),
  );
}

export async function fetchExperimentSummary(id: string, owner: string | null): Promise<{ experiment: ExperimentSummary; access: "owner" | "read" }> {
  return answer(await fetch(`/api/experiments/${encodeURIComponent(id)}`, { headers: ownerHeaders(owner), cache: "no-store" }));
}

export async function fetchExperimentResults(id: string): Promise<{ plan: ExperimentPlan; progress: ExperimentProgress }> {
  return answer(await fetch(`/api/experiments/${encodeURIComponent(id)}/results`, { cache: "no-store" }));
}

export async function cancelExperimentJob(id: string, owner: string | null): Promise<void> {
  await answer(await fetch(`/api/experiments/${encodeURIComponent(id)}/cancel`, { method: "POST", headers: ownerHeaders(owner) }));
}

export async function listExperimentJobs(owner: string | null): Promise<ExperimentListItem[]> {
  if (!owner) return [];
  return (await answer<{ experiments: ExperimentListItem[] }>(await fetch("/api/experiments", { headers: ownerHeaders(owner), cache: "no-store" }))).experiments;
}

/** A paused job is sent the keys again at most this often (a refused resume is not hammered). */
export const RESUME_EVERY_MS = 10_000;

/**
 * The keys the owner's open page sends now to a job that waits for them: only to a paused job,
 * only by its owner, only when Settings has keys, and not more often than RESUME_EVERY_MS.
 */
export function keysToResend(
  job: { status: string; access: "owner" | "read" },
  keys: RunKeys | undefined,
  lastSentAt: number,
  now: number,
): RunKeys | undefined {
  if (job.status !== "paused" || job.access !== "owner" || !keys) return undefined;
  return now - lastSentAt >= RESUME_EVERY_MS ? keys : undefined;
}
