import { toResponse } from "@/lib/errors";
import { continueRun } from "@/lib/runs/run-manager";

export const dynamic = "force-dynamic";

/** Step-through runs: starts the layer the run is paused before. `200 { layer }` (0-based) or 409 when not paused. */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await params;
    return Response.json(await continueRun(id));
  } catch (error) {
    return toResponse(error);
  }
}
