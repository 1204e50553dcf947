import { toResponse } from "@/lib/errors";
import { getRunState } from "@/lib/runs/run-manager";

export const dynamic = "force-dynamic";

/** The run's current state, folded from its events. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await params;
    return Response.json({ run: await getRunState(id) });
  } catch (error) {
    return toResponse(error);
  }
}
