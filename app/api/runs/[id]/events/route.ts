import { withErrors } from "@/lib/errors";
import { openEventStream } from "@/lib/runs/run-manager";
import { resumePoint, sseResponse } from "@/lib/runs/sse";
import { endAlreadyDelivered } from "@/lib/runs/stream-end";

export const dynamic = "force-dynamic";

/**
 * The run's events as SSE; resumes after `Last-Event-ID` (or `?after=`), ends after the terminal
 * event. A viewer that already has the terminal event gets 204, so EventSource stops reconnecting.
 */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const after = resumePoint(request);
  if (await endAlreadyDelivered(id, after)) return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  const events = await openEventStream(id, after, request.signal);
  return sseResponse(events, request.signal);
});
