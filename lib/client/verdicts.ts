import type { SetupQuality } from "@/lib/analysis/setup-quality";
import type { ProposerVerdictJson } from "@/lib/verdicts/verdict";
import type { JudgeChoiceBody, JudgedPair, JudgeRunsRequestBody } from "@/lib/wire/judge";
import { ownerHeaders } from "./owner";
import { failure } from "./run-client";

/** The browser side of the verdict API. The owner secret travels in the body or a header, never in a URL. */

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

function postJson(url: string, body: unknown, init: { headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", ...init.headers }, body: JSON.stringify(body), signal: init.signal });
}

const judgeUrl = (runId: string) => `/api/runs/${encodeURIComponent(runId)}/judge`;

export async function fetchProposerVerdicts(runId: string, signal?: AbortSignal): Promise<ProposerVerdictJson[]> {
  return (await json<{ verdicts: ProposerVerdictJson[] }>(await fetch(judgeUrl(runId), { signal, cache: "no-store" }))).verdicts;
}

/** Judges the answers the run's final aggregator received; the server stores and returns the verdicts (owner only). */
export async function judgeRunProposers(runId: string, { owner, ...choice }: JudgeChoiceBody): Promise<ProposerVerdictJson[]> {
  return (await json<{ verdicts: ProposerVerdictJson[] }>(await postJson(judgeUrl(runId), choice, { headers: ownerHeaders(owner) }))).verdicts;
}

/** Judges the final answers of finished runs of one prompt; the server stores each verdict under the two run ids. */
export async function judgeWholeRuns(runs: JudgeRunsRequestBody["runs"], choice: JudgeChoiceBody, signal?: AbortSignal): Promise<JudgedPair[]> {
  return (await json<{ pairs: JudgedPair[] }>(await postJson("/api/judge/runs", { ...choice, runs }, { signal }))).pairs;
}

export interface InsightsJson {
  setups: SetupQuality[];
  verdicts: number;
}

export async function fetchInsights(owner: string, signal?: AbortSignal): Promise<InsightsJson> {
  return json<InsightsJson>(await fetch("/api/insights", { headers: ownerHeaders(owner), signal, cache: "no-store" }));
}
