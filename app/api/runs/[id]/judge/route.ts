import { withErrors } from "@/lib/errors";
import { judgeAdmitted } from "@/lib/experiments/admitted-judge";
import { assertRunOwner } from "@/lib/runs/run-access";
import { ownerSecretFrom } from "@/lib/security/owner";
import { parseOrThrow, readJsonBody } from "@/lib/validation";
import { judgeProposers, proposersToJudge, storedProposerVerdicts } from "@/lib/verdicts/judge-proposers";
import { judgeChoiceSchema } from "@/lib/wire/judge";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 100_000;

type Context = { params: Promise<{ id: string }> };

/** The stored verdicts on this run's proposers, every judge's; public, like the run. */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  return Response.json({ verdicts: await storedProposerVerdicts(id) }, { headers: { "Cache-Control": "no-store" } });
});

/**
 * Judges the answers the run's final aggregator received, every pair in both orders:
 * `{ judge, keys?, owner? }` → `{ verdicts }`, replacing this judge's earlier verdicts on the run.
 * The verdicts are shown to everyone with the link, so only the run's owner may store them: the
 * owner secret in `x-moa-owner` (or, as before, in the body's `owner`).
 */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const body = parseOrThrow(judgeChoiceSchema, await readJsonBody(request, MAX_BODY_BYTES));
  const owner = ownerSecretFrom(request) ?? body.owner;
  await assertRunOwner(id, owner, "judge");
  const choice = { ...body, owner };
  const ballot = await proposersToJudge(id);
  const verdicts = await judgeAdmitted(request, choice, ballot.conversation, (deps) => judgeProposers(ballot, choice, deps));
  return Response.json({ verdicts });
});
