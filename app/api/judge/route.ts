import { toResponse } from "@/lib/errors";
import { judgeAnswers, judgeRequestSchema, waitForRunEnd } from "@/lib/experiments/judge-server";
import { singleModel } from "@/lib/moa/variants";
import { admitRun } from "@/lib/runs/admission";
import { openEventStream, startRun } from "@/lib/runs/run-manager";
import { parseOrThrow, readJsonBody } from "@/lib/validation";

export const dynamic = "force-dynamic";

const MAX_JUDGE_REQUEST_BYTES = 2_000_000;

/**
 * Pairwise LLM judge: `{ conversation, answers: [{label, text}], judge, keys?, pairs? }` →
 * `{ pairs: [{ a, b, verdict, runIds }] }`. Every judgement is a stored run of its own.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = parseOrThrow(judgeRequestSchema, await readJsonBody(request, MAX_JUDGE_REQUEST_BYTES));
    // One admission for the whole request: same key rules and rate limit as a run.
    const release = await admitRun(request, { config: singleModel({ model: body.judge }), messages: body.conversation, keys: body.keys });
    try {
      const pairs = await judgeAnswers(body, {
        startRun: (runRequest) => startRun(runRequest),
        waitForRun: (id) => waitForRunEnd(openEventStream, id),
      });
      return Response.json({ pairs });
    } finally {
      release();
    }
  } catch (error) {
    return toResponse(error);
  }
}
