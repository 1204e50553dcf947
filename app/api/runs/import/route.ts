import { withErrors } from "@/lib/errors";
import { runExportSchema } from "@/lib/runs/export";
import { importRunExport } from "@/lib/runs/history";
import { ownerSecretFrom } from "@/lib/security/owner";
import { parseOrThrow, readJsonBody } from "@/lib/validation";

export const dynamic = "force-dynamic";

const MAX_IMPORT_BYTES = 20_000_000;

/** Stores an exported run (JSON) as a new run owned by the caller (`x-moa-owner`, or a fresh owner): `201 { id, owner }`. */
export const POST = withErrors(async (request: Request) => {
  const owner = ownerSecretFrom(request);
  const record = parseOrThrow(runExportSchema, await readJsonBody(request, MAX_IMPORT_BYTES));
  const started = await importRunExport(record, owner);
  return Response.json(started, { status: 201, headers: { Location: `/api/runs/${started.id}` } });
});
