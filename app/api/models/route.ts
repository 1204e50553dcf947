import { withErrors } from "@/lib/errors";
import { listModels } from "@/lib/providers/list-models";

// What is reachable changes at runtime (keys, a local Ollama starting): never cache.
export const dynamic = "force-dynamic";

export const GET = withErrors(async () => {
  return Response.json(await listModels(), { headers: { "cache-control": "no-store" } });
});
