import "server-only";
import type { ChatMessage } from "@/lib/moa/conversation";
import { singleModel } from "@/lib/moa/variants";
import { admitRun } from "@/lib/runs/admission";
import { followRun } from "@/lib/runs/follow";
import { startRun } from "@/lib/runs/run-manager";
import type { JudgeChoice } from "@/lib/wire/judge";
import type { JudgeDeps } from "./judge-server";

/** Judge runs started in this server process, followed until they end or the request goes away. */
function serverJudgeDeps(signal: AbortSignal): JudgeDeps {
  return {
    startRun: (request) => startRun(request),
    waitForRun: async (id) => (await followRun(id, signal)).state,
  };
}

/**
 * Runs a judging for an HTTP request under one admission for the whole request: the same key
 * rules, rate limit and concurrency slot as one run of the judge model.
 */
export async function judgeAdmitted<T>(
  request: Request,
  choice: JudgeChoice,
  conversation: ChatMessage[],
  judging: (deps: JudgeDeps) => Promise<T>,
): Promise<T> {
  const release = await admitRun(request, { config: singleModel({ model: choice.judge }), messages: conversation, keys: choice.keys });
  try {
    return await judging(serverJudgeDeps(request.signal));
  } finally {
    release();
  }
}
