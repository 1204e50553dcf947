import { toResponse } from "@/lib/errors";
import { methodNotes } from "@/lib/moa/method-notes";
import { deleteOwnedRun, ownerHashOf } from "@/lib/runs/history";
import { getRunState } from "@/lib/runs/run-manager";

export const dynamic = "force-dynamic";

/** The run's current state, folded from its events, and where it left the paper's method (truncation, stragglers, early aggregation). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await params;
    const run = await getRunState(id);
    return Response.json({ run, notes: methodNotes(run) });
  } catch (error) {
    return toResponse(error);
  }
}

/** Deletes a run; only the browser that created it (header `x-moa-owner`) may. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await params;
    const outcome = await deleteOwnedRun(id, ownerHashOf(request));
    if (outcome === "deleted") return new Response(null, { status: 204 });
    // lib/errors has no 403 area; this is the one place that needs it.
    const error = { code: "forbidden:owner", message: "Only the browser that made this run can delete it." };
    return Response.json({ error }, { status: 403 });
  } catch (error) {
    return toResponse(error);
  }
}
