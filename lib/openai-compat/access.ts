import "server-only";
import { AppError } from "@/lib/errors";
import { checkAccess } from "@/lib/security/access";
import { publicOrigin } from "@/lib/security/public-origin";

/**
 * With MOA_ACCESS_TOKEN set, every /api/v1 call needs it as `Authorization: Bearer <token>`
 * (the `apiKey` of an OpenAI client). Without it, any key (or none) is accepted.
 */
export function assertV1Access(request: Request): void {
  if (checkAccess(request)) return;
  throw new AppError("unauthorized:access_token", "Invalid or missing access token: send MOA_ACCESS_TOKEN as the Bearer API key.");
}

/** Where a person can watch the run (see publicOrigin for which host that is). */
export function runUrl(request: Request, runId: string, env: Record<string, string | undefined> = process.env): string {
  return `${publicOrigin(request, env)}/r/${runId}`;
}
