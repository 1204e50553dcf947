import { assertV1Access } from "@/lib/openai-compat/access";
import { withOpenAIErrors } from "@/lib/openai-compat/errors";
import { listV1Models } from "@/lib/openai-compat/models";

export const dynamic = "force-dynamic";

/** The presets and saved configurations as OpenAI models named `moa/<slug>`. */
export const GET = withOpenAIErrors(async (request: Request) => {
  assertV1Access(request);
  return Response.json(await listV1Models(), { headers: { "cache-control": "no-store" } });
});
