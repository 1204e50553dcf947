import { toResponse } from "@/lib/errors";
import { cancelExperiment } from "@/lib/experiments/jobs/service";
import { requireOwnerHash } from "@/lib/security/owner";

export const dynamic = "force-dynamic";

/** Stops the job: no new units, the runs in flight are cancelled; owner only (`x-moa-owner`). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await params;
    await cancelExperiment(id, requireOwnerHash(request));
    return Response.json({ status: "cancelled" });
  } catch (error) {
    return toResponse(error);
  }
}
