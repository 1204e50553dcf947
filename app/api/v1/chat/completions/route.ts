import { handleChatCompletion } from "@/lib/openai-compat/chat-completions";

export const dynamic = "force-dynamic";

/** OpenAI Chat Completions with `model: "moa/<slug>"`; see docs/api.md. */
export function POST(request: Request): Promise<Response> {
  return handleChatCompletion(request);
}
