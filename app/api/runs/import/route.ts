import { toResponse } from "@/lib/errors";
import { runExportSchema } from "@/lib/runs/export";
import { importRunExport, OWNER_HEADER } from "@/lib/runs/history";
import { parseOrThrow, readJsonBody } from "@/lib/validation";

export const dynamic = "force-dynamic";

const MAX_IMPORT_BYTES = 20_000_000;

/** Stores an exported run (JSON) as a new run: `201 { id, owner }`. */
export async function POST(request: Request): Promise<Response> {
  try {
    const record = parseOrThrow(runExportSchema, await readJsonBody(request, MAX_IMPORT_BYTES));
    const owner = request.headers.get(OWNER_HEADER);
    const started = await importRunExport(record, owner && owner.length >= 32 && owner.length <= 200 ? owner : undefined);
    return Response.json(started, { status: 201, headers: { Location: `/api/runs/${started.id}` } });
  } catch (error) {
    return toResponse(error);
  }
}
