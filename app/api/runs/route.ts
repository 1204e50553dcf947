import { toResponse } from "@/lib/errors";
import { admitRun } from "@/lib/runs/admission";
import { startRun } from "@/lib/runs/run-manager";
import { MAX_RUN_REQUEST_BYTES, runRequestSchema } from "@/lib/runs/run-request";
import { parseOrThrow, readJsonBody } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** Starts a run: `{ config, messages, keys?, owner? }` → `201 { id, owner }`. */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = await readJsonBody(request, MAX_RUN_REQUEST_BYTES);
    const runRequest = parseOrThrow(runRequestSchema, body);
    const release = await admitRun(request, runRequest);
    const started = await startRun(runRequest, { onEnd: release }).catch((error) => {
      release();
      throw error;
    });
    return Response.json(started, { status: 201, headers: { Location: `/api/runs/${started.id}` } });
  } catch (error) {
    return toResponse(error);
  }
}
