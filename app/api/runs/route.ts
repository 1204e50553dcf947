import { toResponse } from "@/lib/errors";
import { admitRun } from "@/lib/runs/admission";
import { listOwnerRuns, listQuerySchema } from "@/lib/runs/history";
import { startRun } from "@/lib/runs/run-manager";
import { MAX_RUN_REQUEST_BYTES, runRequestSchema } from "@/lib/wire/run-request";
import { ownerHashFrom } from "@/lib/security/owner";
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

/** This browser's runs, newest first: `?limit=20&before=<iso>` with header `x-moa-owner`. */
export async function GET(request: Request): Promise<Response> {
  try {
    const ownerHash = ownerHashFrom(request);
    if (!ownerHash) return Response.json({ runs: [], nextBefore: null });
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const query = parseOrThrow(listQuerySchema, params);
    return Response.json(await listOwnerRuns(ownerHash, query), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return toResponse(error);
  }
}
