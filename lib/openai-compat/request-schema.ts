import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { moaConfigSchema, type MoAConfig } from "@/lib/moa/config";
import { conversationSchema, type ChatMessage } from "@/lib/moa/conversation";
import { parseOrThrow } from "@/lib/validation";

export const MODEL_PREFIX = "moa/";

const contentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const messageSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(contentPartSchema), z.null()]).optional(),
});

/**
 * Body of `POST /api/v1/chat/completions`. Loose on purpose: fields this API does not know pass.
 * Every field OpenAI defines is type-checked (a wrong type is a 400 naming it, as OpenAI does);
 * sampling and length fields a MoA board settles itself are then ignored, and the ones that
 * would silently change the meaning of the answer are refused in `toRunInput`.
 */
export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1, "model is required"),
  messages: z.array(messageSchema).min(1, "messages must hold at least one message"),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  n: z.number().int().nullish(),
  tools: z.array(z.unknown()).nullish(),
  functions: z.array(z.unknown()).nullish(),
  tool_choice: z.union([z.string(), z.looseObject({})]).nullish(),
  function_call: z.union([z.string(), z.looseObject({})]).nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  response_format: z.looseObject({ type: z.enum(["text", "json_object", "json_schema"]) }).nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  logit_bias: z.record(z.string(), z.number().min(-100).max(100)).nullish(),
  seed: z.number().int().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  user: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  store: z.boolean().nullish(),
  service_tier: z.string().nullish(),
  reasoning_effort: z.string().nullish(),
  verbosity: z.string().nullish(),
  modalities: z.array(z.string()).nullish(),
  audio: z.looseObject({}).nullish(),
  prediction: z.looseObject({}).nullish(),
  web_search_options: z.looseObject({}).nullish(),
  /** Extension: also stream the other agents' progress as `moa` chunks (see docs/api.md). */
  moa_intermediate: z.boolean().nullish(),
  /** Extension: run this board (a MoAConfig) instead of a saved one; `model` is then only a label. */
  moa_config: z.unknown().nullish(),
});

/** The request fields a 400 may name as `param`. */
export const REQUEST_PARAMS: ReadonlySet<string> = new Set(Object.keys(chatCompletionRequestSchema.shape));

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

export interface RunInput {
  slug: string;
  /** The model name as the client sent it, echoed back in every chunk. */
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  includeUsage: boolean;
  intermediate: boolean;
  /** An inline board sent as `moa_config`, validated; it wins over the slug. */
  config?: MoAConfig;
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

/**
 * Fields whose effect a caller would rely on and a MoA board cannot give: accepting them would
 * hand back something other than what was asked for (plain text for a JSON mode, no logprobs).
 */
function refuseUnhonoured(request: ChatCompletionRequest): void {
  const format = request.response_format?.type;
  if (format === "json_object" || format === "json_schema") {
    throw new AppError("bad_request:response_format", `MoA models answer in text; \`response_format: { type: "${format}" }\` is not supported.`);
  }
  if (request.logprobs === true) throw new AppError("bad_request:logprobs", "MoA models do not return log probabilities; send `logprobs: false` or leave it out.");
  if (request.top_logprobs) throw new AppError("bad_request:top_logprobs", "MoA models do not return log probabilities; leave `top_logprobs` out.");
  if (request.modalities?.some((m) => m !== "text")) throw new AppError("bad_request:modalities", "MoA models answer in text only; `modalities` can only be [\"text\"].");
  if (request.audio) throw new AppError("bad_request:audio", "MoA models do not produce audio; leave `audio` out.");
}

/** Validates an OpenAI request and turns it into what a run needs. */
export function toRunInput(body: unknown): RunInput {
  const request = parseOrThrow(chatCompletionRequestSchema, body);
  if (request.tools?.length || request.functions?.length) {
    throw new AppError("bad_request:tools", "MoA models do not support tools or function calling; send the request without `tools`.");
  }
  if (request.tool_choice && request.tool_choice !== "none" && request.tool_choice !== "auto") {
    throw new AppError("bad_request:tool_choice", "MoA models do not call tools; `tool_choice` can only be \"none\" or \"auto\".");
  }
  if (request.function_call && request.function_call !== "none" && request.function_call !== "auto") {
    throw new AppError("bad_request:function_call", "MoA models do not call functions; `function_call` can only be \"none\" or \"auto\".");
  }
  if (request.n !== undefined && request.n !== null && request.n !== 1) {
    throw new AppError("bad_request:n", "MoA models return one choice; `n` must be 1.");
  }
  refuseUnhonoured(request);
  const messages = parseOrThrow(conversationSchema, request.messages.map(toChatMessage), "messages");
  return {
    slug: slugFromModel(request.model),
    model: request.model,
    messages,
    stream: request.stream === true,
    includeUsage: request.stream_options?.include_usage === true,
    intermediate: request.moa_intermediate === true,
    ...(request.moa_config != null && { config: parseOrThrow(moaConfigSchema, request.moa_config, "moa_config") }),
  };
}
