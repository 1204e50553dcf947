import { AppError, toResponse } from "@/lib/errors";
import { RateLimitedError } from "@/lib/runs/admission";
import { clientIdFrom } from "@/lib/security/client-id";
import { getRateLimiter } from "@/lib/security/rate-limiter";
import { fetchSuiteSource } from "@/lib/suites/fetch-source";
import { suiteKindSchema } from "@/lib/suites/types";

export const dynamic = "force-dynamic";

/**
 * Fetches a benchmark file from its public source for the page: `POST /api/experiments/suites/{alpaca_eval|mt_bench|math}`
 * → `{ kind, text, fileName, url, items }`. Counts as a run against the client's rate limit: each call makes the server download.
 */
export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  try {
    const kind = suiteKindSchema.safeParse((await params).kind);
    if (!kind.success) throw new AppError("not_found:suite", "No such suite: the suites are alpaca_eval, mt_bench and math.");
    const taken = await getRateLimiter().take(clientIdFrom(request));
    if (!taken.ok) throw new RateLimitedError(taken.message, taken.retryAfterS);
    return Response.json(await fetchSuiteSource(kind.data), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return toResponse(error);
  }
}
