import { toResponse } from "@/lib/errors";
import { cancelRun } from "@/lib/runs/run-manager";

export const dynamic = "force-dynamic";

/** Stops the run and every upstream request it has open. */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await params;
    const run = await cancelRun(id);
    return Response.json({ status: run.status });
  } catch (error) {
    return toResponse(error);
  }
}
