import { withErrors } from "@/lib/errors";
import { assertRunOwner } from "@/lib/runs/run-access";
import { stopRun } from "@/lib/runs/run-manager";
import { ownerSecretFrom } from "@/lib/security/owner";

export const dynamic = "force-dynamic";

/** Stops the run and every upstream request it has open; only its owner (header `x-moa-owner`) may. */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  await assertRunOwner(id, ownerSecretFrom(request), "stop");
  const run = await stopRun(id);
  return Response.json({ status: run.status });
});
