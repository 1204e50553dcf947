import { RunClientError } from "@/lib/client/run-client";
import type { JudgedPair, JudgeRequestBody } from "@/lib/wire/judge";
import type { Judgement } from "@/lib/experiments/types";

/** `POST /api/judge` from the browser. */
export async function postJudge(call: JudgeRequestBody, signal?: AbortSignal): Promise<JudgedPair[]> {
  const response = await fetch("/api/judge", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(call),
    signal,
  });
  const body = (await response.json().catch(() => ({}))) as { pairs?: JudgedPair[]; error?: { code?: string; message?: string } };
  if (!response.ok || !body.pairs) {
    throw new RunClientError(body.error?.code ?? "internal", body.error?.message ?? `The judge answered ${response.status}.`, response.status);
  }
  return body.pairs;
}

/** The experiment's view of one pair judged as (a, b). */
export function judgementFromPair(pair: JudgedPair): Judgement {
  const { verdict } = pair;
  return {
    winner: verdict.winner,
    consistent: verdict.consistent,
    reasons: verdict.reasons,
    runIds: pair.runIds,
    ...(verdict.error ? { error: verdict.error } : {}),
  };
}
