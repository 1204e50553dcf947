import { withErrors } from "@/lib/errors";
import { assertRunOwner } from "@/lib/runs/run-access";
import { continueRun } from "@/lib/runs/run-manager";
import { ownerSecretFrom } from "@/lib/security/owner";

export const dynamic = "force-dynamic";

/**
 * Step-through runs: starts the layer the run is paused before. `200 { layer }` (0-based) or 409
 * when not paused; only the owner (header `x-moa-owner`) may advance it, not a viewer of the link.
 */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  await assertRunOwner(id, ownerSecretFrom(request), "advance");
  return Response.json(await continueRun(id));
});
