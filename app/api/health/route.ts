import { checkDbHealth } from "@/lib/db/health";
import { isDraining } from "@/lib/runs/process/shutdown";

export const dynamic = "force-dynamic";

/**
 * For load balancers and orchestrators: 200 when the database answers and its migrations are
 * current, 503 otherwise, and 503 while this instance drains after SIGTERM (send no new work).
 */
export async function GET(): Promise<Response> {
  const db = await checkDbHealth();
  const draining = isDraining();
  const ok = db.ok && !draining;
  const { error, ...rest } = db;
  if (error) console.error("health check failed:", error);
  return Response.json(
    { status: ok ? "ok" : draining ? "draining" : "unavailable", ...rest },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
