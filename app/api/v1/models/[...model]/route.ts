import { assertV1Access } from "@/lib/openai-compat/access";
import { toOpenAIErrorResponse } from "@/lib/openai-compat/errors";
import { retrieveV1Model } from "@/lib/openai-compat/models";

export const dynamic = "force-dynamic";

/** One model: `GET /api/v1/models/moa/moa-lite` (the id holds a slash, hence the catch-all). */
export async function GET(request: Request, { params }: { params: Promise<{ model: string[] }> }): Promise<Response> {
  try {
    assertV1Access(request);
    const { model } = await params;
    return Response.json(await retrieveV1Model(model.join("/")), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toOpenAIErrorResponse(error);
  }
}
