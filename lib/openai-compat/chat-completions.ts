import "server-only";
import { findConfig } from "@/lib/configs/catalog";
import { ownerSecretFrom } from "@/lib/security/owner";
import { startAdmittedRun } from "@/lib/runs/admitted-run";
import { openEventStream, type StartedRun } from "@/lib/runs/run-manager";
import { MAX_RUN_REQUEST_BYTES, type RunRequest } from "@/lib/wire/run-request";
import { SSE_HEADERS } from "@/lib/runs/sse";
import { readJsonBody } from "@/lib/validation";
import { assertV1Access, runUrl } from "./access";
import { completion, completionMeta } from "./chunks";
import { toOpenAIErrorResponse } from "./errors";
import { awaitOutcome } from "./run-outcome";
import { toRunInput } from "./request-schema";
import { chunkStream } from "./stream";

/**
 * `POST /api/v1/chat/completions`: runs the board named by `model` as a stored, shareable run
 * and answers in OpenAI's format, streamed or not. The run is detached from this request.
 */
export async function handleChatCompletion(request: Request): Promise<Response> {
  let started: StartedRun | undefined;
  let ownerSent = false;
  // A caller that sent no owner learns the fresh one: without it, nobody could stop the run.
  const runHeaders = (): Record<string, string> =>
    started
      ? { "X-MoA-Run-Id": started.id, "X-MoA-Run-Url": runUrl(request, started.id), ...(!ownerSent && { "X-MoA-Owner": started.owner }) }
      : {};
  try {
    assertV1Access(request);
    const input = toRunInput(await readJsonBody(request, MAX_RUN_REQUEST_BYTES));
    // An inline board (`moa_config`) is run as sent; otherwise `model` names a preset or a saved board.
    const entry = input.config ? { config: input.config, builtIn: false, slug: input.slug, settings: undefined } : await findConfig(input.slug);
    // An `x-moa-owner` header files the run in that browser's history; otherwise it has a fresh owner.
    const owner = ownerSecretFrom(request);
    ownerSent = owner !== undefined;
    const runRequest: RunRequest = {
      config: entry.config,
      messages: input.messages,
      preset: entry.builtIn ? entry.slug : entry.settings?.preset,
      ...(owner && { owner }),
    };
    started = await startAdmittedRun(request, runRequest);
    const events = await openEventStream(started.id, -1, request.signal);
    const meta = completionMeta(started.id, input.model);
    if (input.stream) {
      const body = chunkStream(events, meta, { includeUsage: input.includeUsage, intermediate: input.intermediate });
      return new Response(body, { headers: { ...SSE_HEADERS, ...runHeaders() } });
    }
    const outcome = await awaitOutcome(started.id, events);
    return Response.json(completion(meta, outcome.text, outcome.usage, started.id, outcome.finishReason), { headers: runHeaders() });
  } catch (error) {
    // Nobody is left to read an answer; the run itself goes on (see docs/api.md).
    if (request.signal.aborted) return new Response(null, { status: 499, headers: runHeaders() });
    return toOpenAIErrorResponse(error, runHeaders());
  }
}
