import { toResponse } from "@/lib/errors";
import { listModels } from "@/lib/providers/list-models";

// What is reachable changes at runtime (keys, a local Ollama starting): never cache.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return Response.json(await listModels(), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toResponse(error);
  }
}
