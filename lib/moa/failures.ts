import {
  APICallError,
  EmptyResponseBodyError,
  InvalidResponseDataError,
  JSONParseError,
  LoadAPIKeyError,
  NoSuchModelError,
  TypeValidationError,
} from "ai";
import { providerOf } from "./model-id";
import type { FailureKind } from "./events";

/** Why an agent attempt ended without an answer. `message` is safe to show to anyone. */
export class AgentFailure extends Error {
  readonly kind: FailureKind;
  /** Transient by nature: trying again later may work. */
  readonly retryable: boolean;
  /** Honoured before retrying (from Retry-After); undefined when the server did not say. */
  readonly retryAfterMs?: number;

  constructor(kind: FailureKind, message: string, options: { retryable?: boolean; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AgentFailure";
    this.kind = kind;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The kinds the engine retries by itself, and only while no text has streamed. */
export function isAutoRetried(failure: AgentFailure): boolean {
  if (!failure.retryable) return false;
  return failure.kind === "rate_limited" || failure.kind === "server_error" || failure.kind === "network";
}

export { formatDuration } from "./model-id";

/** Retry-After is either delta-seconds or an HTTP date; OpenAI also sends retry-after-ms. */
export function parseRetryAfter(headers: Record<string, string> | undefined, nowMs = Date.now()): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number.parseFloat(lower["retry-after-ms"] ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = lower["retry-after"]?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Number.parseFloat(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

// Upstream messages can echo part of a key ("Incorrect API key provided: sk-ab…"); never pass that on.
const SECRET_PATTERNS = [/\b(sk|pk|rk|gsk|xai|key|api)[-_][A-Za-z0-9_\-*.]{6,}/gi, /Bearer\s+\S+/gi, /\b[A-Za-z0-9_\-]{32,}\b/g];

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((acc, pattern) => acc.replace(pattern, "[redacted]"), text);
}

function shortDetail(text: string | undefined, max = 160): string {
  if (!text) return "";
  const clean = redactSecrets(text.replace(/\s+/g, " ").trim());
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

const CONTEXT_LENGTH = /context[ _-]?(length|window)|maximum context|too many tokens|prompt is too long|max(imum)?[ _-]?tokens? .*exceed|token limit/i;
const NETWORK = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EPIPE|ETIMEDOUT|UND_ERR|fetch failed|socket|network|connection (refused|reset|closed)|terminated|premature close|malformed|invalid json|unexpected end|json parse/i;

function networkCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = current.cause;
  }
  return "";
}

function describeChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current != null; depth++) {
    if (current instanceof Error) {
      parts.push(current.name, current.message, networkCode(current));
      current = current.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(" ");
}

function fromApiCallError(error: APICallError, modelId: string, nowMs: number): AgentFailure {
  const provider = providerOf(modelId) || modelId;
  const status = error.statusCode;
  const body = `${error.responseBody ?? ""} ${error.message}`;
  // Providers mark 408/429/5xx retryable by default; one that says otherwise (a permanent 500,
  // the sim's broken model) knows better than the status code.
  const retryable = error.isRetryable;
  if (status === 401 || status === 403) {
    const verb = status === 401 ? "rejected the API key" : "refused access with this API key";
    return new AgentFailure("auth", `${provider} ${verb} (${status})`, { cause: error });
  }
  if (status === 429) {
    return new AgentFailure("rate_limited", `${provider} is rate limiting requests (429)`, {
      retryable,
      retryAfterMs: parseRetryAfter(error.responseHeaders, nowMs),
      cause: error,
    });
  }
  if (status !== undefined && status >= 500) {
    return new AgentFailure("server_error", `${provider} had a server error (HTTP ${status})`, {
      retryable,
      retryAfterMs: parseRetryAfter(error.responseHeaders, nowMs),
      cause: error,
    });
  }
  if (status !== undefined && status >= 400 && CONTEXT_LENGTH.test(body)) {
    return new AgentFailure("context_length", `${modelId}: the conversation is longer than the model's context window (HTTP ${status})`, {
      cause: error,
    });
  }
  if (status === 408) {
    return new AgentFailure("timeout", `${provider} timed out answering (HTTP 408)`, { retryable, cause: error });
  }
  if (status !== undefined && status >= 400) {
    const detail = shortDetail(error.message);
    const what = status === 404 ? `does not know ${modelId}` : "rejected the request";
    return new AgentFailure("bad_request", `${provider} ${what} (HTTP ${status})${detail ? `: ${detail}` : ""}`, { cause: error });
  }
  // No status: the connection failed before an HTTP answer, or broke while the answer streamed.
  return networkFailure(provider, error);
}

const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "its host name does not resolve",
  EAI_AGAIN: "its host name does not resolve",
  EHOSTUNREACH: "no route to the host",
  ENETUNREACH: "no route to the host",
  ETIMEDOUT: "the connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
};

// A raw code such as UND_ERR_SOCKET means nothing to most people, so it follows a plain phrase.
function networkFailure(provider: string, error: unknown): AgentFailure {
  const code = networkCode(error);
  const detail = code || shortDetail(error instanceof Error ? error.message : String(error), 80);
  const unreachable = UNREACHABLE[code];
  const message = unreachable
    ? `could not reach ${provider}: ${unreachable} (${detail})`
    : `lost the connection to ${provider}: it closed the connection before the answer was complete (${detail})`;
  return new AgentFailure("network", message, { retryable: true, cause: error });
}

/** Turns anything an attempt threw or streamed as an error part into an AgentFailure. */
export function classifyError(error: unknown, modelId: string, nowMs = Date.now()): AgentFailure {
  if (error instanceof AgentFailure) return error;
  if (APICallError.isInstance(error)) return fromApiCallError(error, modelId, nowMs);
  const provider = providerOf(modelId) || modelId;
  if (
    JSONParseError.isInstance(error) ||
    TypeValidationError.isInstance(error) ||
    InvalidResponseDataError.isInstance(error) ||
    EmptyResponseBodyError.isInstance(error)
  ) {
    // The raw chunk may be large or echo request data, so it is left out of the message.
    return new AgentFailure("network", `${provider} sent a malformed stream`, { retryable: true, cause: error });
  }
  if (NoSuchModelError.isInstance(error)) {
    return new AgentFailure("unknown_model", `${provider} has no model called ${modelId.slice(provider.length + 1)}`, { cause: error });
  }
  if (LoadAPIKeyError.isInstance(error)) {
    return new AgentFailure("auth", `no API key is configured for ${provider}`, { cause: error });
  }
  const chain = describeChain(error);
  if (NETWORK.test(chain)) return networkFailure(provider, error);
  if (CONTEXT_LENGTH.test(chain)) {
    return new AgentFailure("context_length", `${modelId}: the conversation is longer than the model's context window`, { cause: error });
  }
  const message = shortDetail(error instanceof Error ? error.message : String(error)) || "unknown error";
  return new AgentFailure("unknown", `${modelId} failed: ${message}`, { cause: error });
}
