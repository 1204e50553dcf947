import { z } from "zod";
import { AppError } from "@/lib/errors";
import { conversationSchema, type ChatMessage } from "@/lib/moa/conversation";
import { parseOrThrow } from "@/lib/validation";

export const MODEL_PREFIX = "moa/";

const contentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const messageSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(contentPartSchema), z.null()]).optional(),
});

/**
 * Body of `POST /api/v1/chat/completions`. Loose on purpose: OpenAI clients send many fields
 * (temperature, user, seed, …) that a MoA board settles itself; they are accepted and ignored.
 * The ones that would silently change the meaning of the answer are refused in `toRunInput`.
 */
export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1, "model is required"),
  messages: z.array(messageSchema).min(1, "messages must hold at least one message"),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  n: z.number().int().nullish(),
  tools: z.array(z.unknown()).nullish(),
  functions: z.array(z.unknown()).nullish(),
  /** Extension: also stream the other agents' progress as `moa` chunks (see docs/api.md). */
  moa_intermediate: z.boolean().nullish(),
});

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

export interface RunInput {
  slug: string;
  /** The model name as the client sent it, echoed back in every chunk. */
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  includeUsage: boolean;
  intermediate: boolean;
}

/** `moa/moa-lite` → `moa-lite`; a bare slug is accepted too. */
export function slugFromModel(model: string): string {
  return model.startsWith(MODEL_PREFIX) ? model.slice(MODEL_PREFIX.length) : model;
}

function textOf(content: z.infer<typeof messageSchema>["content"], index: number): string {
  if (content === undefined || content === null) return "";
  if (typeof content === "string") return content;
  return content
    .map((part, p) => {
      if (part.type !== "text" || typeof part.text !== "string") {
        throw new AppError("bad_request:messages", `messages[${index}].content[${p}]: only text parts are supported, not "${part.type}".`);
      }
      return part.text;
    })
    .join("");
}

function toChatMessage(message: z.infer<typeof messageSchema>, index: number): ChatMessage {
  const role = message.role === "developer" ? "system" : message.role;
  if (role !== "system" && role !== "user" && role !== "assistant") {
    throw new AppError("bad_request:messages", `messages[${index}].role: "${message.role}" is not supported; use system, user or assistant (tool calls are not supported).`);
  }
  if (role === "assistant" && Array.isArray((message as { tool_calls?: unknown }).tool_calls)) {
    throw new AppError("bad_request:messages", `messages[${index}]: tool calls are not supported by MoA models.`);
  }
  return { role, content: textOf(message.content, index) };
}

/** Validates an OpenAI request and turns it into what a run needs. */
export function toRunInput(body: unknown): RunInput {
  const request = parseOrThrow(chatCompletionRequestSchema, body);
  if (request.tools?.length || request.functions?.length) {
    throw new AppError("bad_request:tools", "MoA models do not support tools or function calling; send the request without `tools`.");
  }
  if (request.n !== undefined && request.n !== null && request.n !== 1) {
    throw new AppError("bad_request:n", "MoA models return one choice; `n` must be 1.");
  }
  const messages = parseOrThrow(conversationSchema, request.messages.map(toChatMessage), "messages");
  return {
    slug: slugFromModel(request.model),
    model: request.model,
    messages,
    stream: request.stream === true,
    includeUsage: request.stream_options?.include_usage === true,
    intermediate: request.moa_intermediate === true,
  };
}
