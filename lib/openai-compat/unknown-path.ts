import "server-only";
import { AppError } from "@/lib/errors";
import { assertV1Access } from "./access";
import { withOpenAIErrors } from "./errors";

/**
 * Any /api/v1 path this server does not serve (`/completions`, `/embeddings`, `/responses`, …):
 * a 404 in OpenAI's error shape, so a client raises its usual NotFoundError instead of choking
 * on an HTML page.
 */
export const unknownV1Path = withOpenAIErrors((request: Request): Response => {
  assertV1Access(request);
  const { pathname } = new URL(request.url);
  throw new AppError(
    "not_found:url",
    `Invalid URL (${request.method} ${pathname}): this server offers GET /api/v1/models and POST /api/v1/chat/completions.`,
  );
});
