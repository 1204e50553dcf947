import { toResponse } from "@/lib/errors";
import { experimentResults } from "@/lib/experiments/jobs/service";

export const dynamic = "force-dynamic";

/** The plan and every finished cell and verdict, in the page's progress shape; anyone with the link. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await params;
    return Response.json(await experimentResults(id), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return toResponse(error);
  }
}
