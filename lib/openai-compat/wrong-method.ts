import "server-only";
import { assertV1Access } from "./access";
import { toOpenAIErrorResponse, type OpenAIErrorBody } from "./errors";

/** The methods a route file can export that Next would otherwise answer with an empty 405. */
export const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * The answer to a known /api/v1 path called with a method it does not serve (`GET
 * /api/v1/chat/completions`): OpenAI's 405 `{ error: … }` with an `Allow` header, instead of
 * Next's empty body, so an OpenAI client reports what went wrong. The access token is checked
 * first, as for every other /api/v1 answer.
 */
export function wrongMethod(allowed: readonly string[]): (request: Request) => Response {
  const allow = allowed.join(", ");
  return (request) => {
    try {
      assertV1Access(request);
    } catch (error) {
      return toOpenAIErrorResponse(error);
    }
    const { pathname } = new URL(request.url);
    const body: OpenAIErrorBody = {
      error: {
        message: `Invalid method for URL (${request.method} ${pathname}): this path takes ${allow}.`,
        type: "invalid_request_error",
        param: null,
        code: "method_not_allowed",
      },
    };
    return Response.json(body, { status: 405, headers: { Allow: allow } });
  };
}
