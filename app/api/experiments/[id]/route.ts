import { toResponse } from "@/lib/errors";
import { deleteExperiment, experimentSummary } from "@/lib/experiments/jobs/service";
import { hashOwnerSecret, ownerSecretIfValid, requireOwnerHash } from "@/lib/security/owner";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * Progress of an experiment for anyone with its link: done/total units, units running, cost so
 * far, ETA; `access: "owner"` with the owner secret (`x-moa-owner`), else `"read"`.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { id } = await params;
    const { summary, ownerSecretHash } = await experimentSummary(id);
    const secret = ownerSecretIfValid(request);
    const access = secret && hashOwnerSecret(secret) === ownerSecretHash ? "owner" : "read";
    return Response.json({ experiment: summary, access }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return toResponse(error);
  }
}

/** Cancels and deletes an experiment (its runs stay in the owner's history); owner only. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    const { id } = await params;
    await deleteExperiment(id, requireOwnerHash(request));
    return new Response(null, { status: 204 });
  } catch (error) {
    return toResponse(error);
  }
}
