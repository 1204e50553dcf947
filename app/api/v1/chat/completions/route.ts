import { handleChatCompletion } from "@/lib/openai-compat/chat-completions";
import { wrongMethod } from "@/lib/openai-compat/wrong-method";

export const dynamic = "force-dynamic";

/** OpenAI Chat Completions with `model: "moa/<slug>"`; see docs/api.md. */
export function POST(request: Request): Promise<Response> {
  return handleChatCompletion(request);
}

// Any other method: OpenAI's JSON 405 with an Allow header, not Next's empty one.
const notAllowed = wrongMethod(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
