import { withErrors } from "@/lib/errors";
import { judgeAdmitted } from "@/lib/experiments/admitted-judge";
import { judgeAnswers } from "@/lib/experiments/judge-server";
import { parseOrThrow, readJsonBody } from "@/lib/validation";
import { judgeRequestSchema } from "@/lib/wire/judge";

export const dynamic = "force-dynamic";

const MAX_JUDGE_REQUEST_BYTES = 2_000_000;

/**
 * Pairwise LLM judge: `{ conversation, answers: [{label, text}], judge, keys?, pairs? }` →
 * `{ pairs: [{ a, b, verdict, runIds }] }`. Every judgement is a stored run of its own.
 */
export const POST = withErrors(async (request: Request) => {
  const body = parseOrThrow(judgeRequestSchema, await readJsonBody(request, MAX_JUDGE_REQUEST_BYTES));
  const pairs = await judgeAdmitted(request, body, body.conversation, (deps) => judgeAnswers(body, deps));
  return Response.json({ pairs });
});
