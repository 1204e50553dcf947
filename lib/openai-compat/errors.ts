import "server-only";
import { toAppError, type AppError } from "@/lib/errors";
import { REQUEST_PARAMS } from "./request-schema";
import { withSmallJsonUncompressed } from "@/lib/http/small-json";

/** The error body OpenAI clients parse: `{ error: { message, type, param, code } }`. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

function describe(error: AppError): { type: string; param: string | null; code: string | null } {
  const [area, detail = ""] = error.code.split(":");
  switch (area) {
    case "bad_request":
      return { type: "invalid_request_error", param: REQUEST_PARAMS.has(detail) ? detail : null, code: null };
    case "unauthorized":
      return { type: "authentication_error", param: null, code: "invalid_api_key" };
    case "forbidden":
      return { type: "permission_error", param: null, code: detail || "forbidden" };
    case "not_found":
      return detail === "config"
        ? { type: "invalid_request_error", param: "model", code: "model_not_found" }
        : { type: "invalid_request_error", param: null, code: "not_found" };
    case "rate_limited":
      return { type: "rate_limit_error", param: null, code: "rate_limit_exceeded" };
    case "upstream":
      return { type: "server_error", param: null, code: detail || "upstream_error" };
    default:
      return { type: area === "conflict" ? "invalid_request_error" : "server_error", param: null, code: detail || null };
  }
}

export function toOpenAIErrorBody(error: AppError): OpenAIErrorBody {
  return { error: { message: error.message, ...describe(error) } };
}

/** A /api/v1 handler whose thrown errors become OpenAI-style error responses; answers leave as in withErrors. */
export function withOpenAIErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response> | Response): (...args: Args) => Promise<Response> {
  return async (...args) => {
    let response: Response;
    try {
      response = await handler(...args);
    } catch (error) {
      response = toOpenAIErrorResponse(error);
    }
    return withSmallJsonUncompressed(response);
  };
}

/** Any thrown value as an OpenAI-style error response; details of unexpected ones stay in the log. */
export function toOpenAIErrorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  const appError = toAppError(error);
  // A failed run is the run's story (stored with it), not a server fault worth a stack trace.
  if (appError.status >= 500 && !appError.code.startsWith("upstream:")) console.error(appError.cause ?? appError);
  const retryAfterS = (appError as AppError & { retryAfterS?: number }).retryAfterS;
  if (retryAfterS !== undefined) headers = { ...headers, "Retry-After": String(retryAfterS) };
  return Response.json(toOpenAIErrorBody(appError), { status: appError.status, headers });
}
