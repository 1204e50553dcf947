import { assertV1Access } from "@/lib/openai-compat/access";
import { withOpenAIErrors } from "@/lib/openai-compat/errors";
import { listV1Models } from "@/lib/openai-compat/models";
import { wrongMethod } from "@/lib/openai-compat/wrong-method";

export const dynamic = "force-dynamic";

/** The presets and saved configurations as OpenAI models named `moa/<slug>`. */
export const GET = withOpenAIErrors(async (request: Request) => {
  assertV1Access(request);
  return Response.json(await listV1Models(), { headers: { "cache-control": "no-store" } });
});

// Any other method: OpenAI's JSON 405 with an Allow header, not Next's empty one.
const notAllowed = wrongMethod(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
