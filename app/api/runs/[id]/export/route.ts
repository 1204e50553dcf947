import { withErrors } from "@/lib/errors";
import { exportFileName, toMarkdown } from "@/lib/runs/export";
import { getRunExport } from "@/lib/runs/history";

export const dynamic = "force-dynamic";

/** The run as a file: `?format=json` (default; re-importable) or `?format=md`. */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const format = new URL(request.url).searchParams.get("format") === "md" ? "md" : "json";
  const record = await getRunExport(id);
  const body = format === "md" ? toMarkdown(record) : JSON.stringify(record, null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": format === "md" ? "text/markdown; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(id, format)}"`,
      "Cache-Control": "no-store",
    },
  });
});
