import { assertV1Access } from "@/lib/openai-compat/access";
import { withOpenAIErrors } from "@/lib/openai-compat/errors";
import { retrieveV1Model } from "@/lib/openai-compat/models";
import { wrongMethod } from "@/lib/openai-compat/wrong-method";

export const dynamic = "force-dynamic";

/** One model: `GET /api/v1/models/moa/moa-lite` (the id holds a slash, hence the catch-all). */
export const GET = withOpenAIErrors(async (request: Request, { params }: { params: Promise<{ model: string[] }> }) => {
  assertV1Access(request);
  const { model } = await params;
  return Response.json(await retrieveV1Model(model.join("/")), { headers: { "cache-control": "no-store" } });
});

// Any other method: OpenAI's JSON 405 with an Allow header, not Next's empty one.
const notAllowed = wrongMethod(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
