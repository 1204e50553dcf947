import { withErrors } from "@/lib/errors";
import { ownerHashFrom } from "@/lib/security/owner";
import { ownerInsights } from "@/lib/verdicts/insights";

export const dynamic = "force-dynamic";

/**
 * Quality against cost, latency and compute of this browser's judged runs, one point per setup
 * (header `x-moa-owner`, as for the history; without it there is nothing to show).
 */
export const GET = withErrors(async (request: Request) => {
  const ownerHash = ownerHashFrom(request);
  const insights = ownerHash ? await ownerInsights(ownerHash) : { setups: [], verdicts: 0 };
  return Response.json(insights, { headers: { "Cache-Control": "no-store" } });
});
