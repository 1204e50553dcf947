import { withErrors } from "@/lib/errors";
import { startAdmittedRun } from "@/lib/runs/admitted-run";
import { listOwnerRuns, listQuerySchema } from "@/lib/runs/history";
import { MAX_RUN_REQUEST_BYTES, runRequestSchema } from "@/lib/wire/run-request";
import { ownerHashFrom } from "@/lib/security/owner";
import { parseOrThrow, readJsonBody } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** Starts a run: `{ config, messages, keys?, owner? }` → `201 { id, owner }`. */
export const POST = withErrors(async (request: Request) => {
  const body = await readJsonBody(request, MAX_RUN_REQUEST_BYTES);
  const runRequest = parseOrThrow(runRequestSchema, body);
  const started = await startAdmittedRun(request, runRequest);
  return Response.json(started, { status: 201, headers: { Location: `/api/runs/${started.id}` } });
});

/** This browser's runs, newest first: `?limit=20&before=<iso>` with header `x-moa-owner`. */
export const GET = withErrors(async (request: Request) => {
  const ownerHash = ownerHashFrom(request);
  if (!ownerHash) return Response.json({ runs: [], nextBefore: null });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = parseOrThrow(listQuerySchema, params);
  return Response.json(await listOwnerRuns(ownerHash, query), { headers: { "Cache-Control": "no-store" } });
});
