import { toResponse } from "@/lib/errors";
import { openEventStream } from "@/lib/runs/run-manager";
import { resumePoint, sseResponse } from "@/lib/runs/sse";

export const dynamic = "force-dynamic";

/** The run's events as SSE; resumes after `Last-Event-ID` (or `?after=`), ends after the terminal event. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await params;
    const events = await openEventStream(id, resumePoint(request), request.signal);
    return sseResponse(events, request.signal);
  } catch (error) {
    return toResponse(error);
  }
}
