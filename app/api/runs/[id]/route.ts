import { withErrors } from "@/lib/errors";
import { methodNotes } from "@/lib/moa/method-notes";
import { deleteOwnedRun } from "@/lib/runs/history";
import { runAccess } from "@/lib/runs/run-access";
import { getRunState } from "@/lib/runs/run-manager";
import { ownerSecretFrom, ownerSecretIfValid } from "@/lib/security/owner";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * The run's current state, folded from its events; where it left the paper's method (truncation,
 * stragglers, early aggregation); and what the caller may do with it: `access: "owner"` with its
 * owner secret (`x-moa-owner`), `"read"` with only the link.
 */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const [access, run] = await Promise.all([runAccess(id, ownerSecretIfValid(request)), getRunState(id)]);
  return Response.json({ run, notes: methodNotes(run), access }, { headers: { "Cache-Control": "no-store" } });
});

/** Deletes a run; only its owner (header `x-moa-owner`) may: 403 `forbidden:owner` otherwise. */
export const DELETE = withErrors(async (request: Request, { params }: Context) => {
  const { id } = await params;
  await deleteOwnedRun(id, ownerSecretFrom(request));
  return new Response(null, { status: 204 });
});
