import { toResponse } from "@/lib/errors";
import { assertJobKeys } from "@/lib/experiments/jobs/admission";
import { resumeExperiment } from "@/lib/experiments/jobs/service";
import { resumeExperimentRequestSchema } from "@/lib/experiments/jobs/spec";
import { requireOwnerHash } from "@/lib/security/owner";
import { parseOrThrow, readJsonBody } from "@/lib/validation";

export const dynamic = "force-dynamic";

const MAX_RESUME_BYTES = 10_000;

/**
 * `{ keys }`: the owner's pasted keys again, for a job that waits for them (paused after a
 * restart or the TTL); owner only (`x-moa-owner`). The keys stay in this process's memory.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await params;
    const ownerHash = requireOwnerHash(request);
    const { keys } = parseOrThrow(resumeExperimentRequestSchema, await readJsonBody(request, MAX_RESUME_BYTES));
    await resumeExperiment(id, ownerHash, keys, (spec) => assertJobKeys(request, spec, keys));
    return Response.json({ status: "running" });
  } catch (error) {
    return toResponse(error);
  }
}
