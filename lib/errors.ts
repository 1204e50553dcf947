import { withSmallJsonUncompressed } from "@/lib/http/small-json";
import { MoAConfigError } from "@/lib/moa/errors";

/**
 * One error type for everything the app reports to a client. `code` is `area:detail`,
 * the message is safe to show; internal details stay in `cause` and the server log.
 */
export type ErrorCode =
  | `bad_request:${string}`
  | "unauthorized:access_token"
  | "forbidden:owner"
  | `not_found:${string}`
  | `conflict:${string}`
  | "rate_limited:runs"
  | `upstream:${string}`
  | "internal";

const STATUS_BY_AREA: Record<string, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  upstream: 502,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    this.status = STATUS_BY_AREA[code.split(":")[0]] ?? 500;
  }

  toJSON(): { error: { code: ErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Any thrown value as the error a client may see: the engine's own errors get their HTTP meaning here. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof MoAConfigError) return new AppError("bad_request:config", error.message, { cause: error });
  return new AppError("internal", "Something went wrong on our side.", { cause: error });
}

/**
 * A route handler whose thrown errors become the app's error response: no handler repeats the
 * try/catch. Every answer, error or not, then leaves through withSmallJsonUncompressed.
 */
export function withErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args) => {
    let response: Response;
    try {
      response = await handler(...args);
    } catch (error) {
      response = toResponse(error);
    }
    return withSmallJsonUncompressed(response);
  };
}

export function toResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (appError.status >= 500) console.error(appError.cause ?? appError);
  const retryAfterS = (appError as AppError & { retryAfterS?: number }).retryAfterS;
  const headers: Record<string, string> = retryAfterS === undefined ? {} : { "Retry-After": String(retryAfterS) };
  return Response.json(appError.toJSON(), { status: appError.status, headers });
}
