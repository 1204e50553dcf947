import { withErrors } from "@/lib/errors";
import { judgeAdmitted } from "@/lib/experiments/admitted-judge";
import { parseOrThrow, readJsonBody } from "@/lib/validation";
import { judgeRuns, runsToJudge } from "@/lib/verdicts/judge-runs";
import { judgeRunsRequestSchema } from "@/lib/wire/judge";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 100_000;

/**
 * Judges the final answers of finished runs of one prompt, every pair in both orders, and
 * stores each verdict under the two run ids: `{ runs: [{ id, label }], judge, keys?, owner? }` →
 * `{ pairs }` (as `POST /api/judge` answers).
 */
export const POST = withErrors(async (request: Request) => {
  const body = parseOrThrow(judgeRunsRequestSchema, await readJsonBody(request, MAX_BODY_BYTES));
  const ballot = await runsToJudge(body.runs);
  const pairs = await judgeAdmitted(request, body, ballot.conversation, (deps) => judgeRuns(ballot, body, deps));
  return Response.json({ pairs });
});
