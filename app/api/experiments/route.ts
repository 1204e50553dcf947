import { toResponse } from "@/lib/errors";
import { admitExperiment } from "@/lib/experiments/jobs/admission";
import { createExperiment, listOwnExperiments } from "@/lib/experiments/jobs/service";
import { createExperimentRequestSchema, experimentSpecSchema, keysUsedBy, MAX_EXPERIMENT_REQUEST_BYTES, specOf } from "@/lib/experiments/jobs/spec";
import { hashOwnerSecret, newOwnerSecret, ownerHashFrom } from "@/lib/security/owner";
import { parseOrThrow, readJsonBody } from "@/lib/validation";

export const dynamic = "force-dynamic";

/**
 * Starts an experiment job: `{ plan, budgetUsd?, owner?, keys? }` → `201 { id, owner, total }`.
 * Pasted keys stay in this process's memory for the job (never stored, logged or echoed).
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = parseOrThrow(createExperimentRequestSchema, await readJsonBody(request, MAX_EXPERIMENT_REQUEST_BYTES));
    const keys = keysUsedBy(body.plan, body.keys);
    const spec = parseOrThrow(experimentSpecSchema, specOf(body.plan, body.budgetUsd, keys));
    await admitExperiment(request, spec, keys);
    const owner = body.owner ?? newOwnerSecret();
    const { id, total } = await createExperiment(spec, hashOwnerSecret(owner), keys);
    return Response.json({ id, owner, total }, { status: 201, headers: { Location: `/api/experiments/${id}` } });
  } catch (error) {
    return toResponse(error);
  }
}

/** The caller's experiments, newest first (header `x-moa-owner`); none without it. */
export async function GET(request: Request): Promise<Response> {
  try {
    const ownerHash = ownerHashFrom(request);
    const experiments = ownerHash ? await listOwnExperiments(ownerHash) : [];
    return Response.json({ experiments }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return toResponse(error);
  }
}
