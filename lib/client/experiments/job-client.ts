import { ownerHeaders } from "@/lib/client/owner";
import type { ExperimentSummary } from "@/lib/experiments/jobs/view";
import type { ExperimentPlan, ExperimentProgress } from "@/lib/experiments/types";

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

/** `POST /api/experiments`: the job starts on the server and goes on without this tab. */
export async function startExperimentJob(plan: ExperimentPlan, owner: string, budgetUsd?: number): Promise<{ id: string; total: number }> {
  const response = await fetch("/api/experiments", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ plan, owner, ...(budgetUsd !== undefined && { budgetUsd }) }),
  });
  return answer(response);
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
