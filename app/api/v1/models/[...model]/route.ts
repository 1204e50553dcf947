import { assertV1Access } from "@/lib/openai-compat/access";
import { withOpenAIErrors } from "@/lib/openai-compat/errors";
import { retrieveV1Model } from "@/lib/openai-compat/models";

export const dynamic = "force-dynamic";

/** One model: `GET /api/v1/models/moa/moa-lite` (the id holds a slash, hence the catch-all). */
export const GET = withOpenAIErrors(async (request: Request, { params }: { params: Promise<{ model: string[] }> }) => {
  assertV1Access(request);
  const { model } = await params;
  return Response.json(await retrieveV1Model(model.join("/")), { headers: { "cache-control": "no-store" } });
});
