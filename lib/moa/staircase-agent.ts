import { startAgent, type AgentHandle, type AgentOutcome, type AgentRunInput } from "./agent-runner";
import type { ChatMessage } from "./conversation";
import type { FinishReason, RunEventBody, Usage } from "./events";
import { LIMITS } from "./limits";
import { waitFor, type LayerWatch, type Pulse } from "./layer-watch";
import { addUsage } from "./usage";

export interface StaircaseInput extends Omit<AgentRunInput, "messages"> {
  upstream: LayerWatch;
  pulse: Pulse;
  /** How much more every upstream agent must have written before a pass is re-issued. */
  chunkChars: number;
  buildMessages: (answers: string[]) => ChatMessage[];
}

class ReissueSignal extends Error {}

/**
 * An agent that writes from its upstream layer's partial answers ("staircase streaming",
 * arXiv 2510.05059). Each pass sees the answers so far plus its own text so far as a trailing
 * assistant message to continue; when every upstream agent has written another chunk the pass
 * is cut and re-issued. The last pass starts only once the upstream layer is done, so the
 * answer is completed with every upstream answer in full. Deltas of all passes form one text.
 */
export function startStaircaseAgent(input: StaircaseInput): AgentHandle {
  const startedAt = input.now();
  let firstTokenAt: number | undefined;
  let written = "";
  let reasoning = "";
  let current: AgentHandle | undefined;
  const usage: Usage = { inputTokens: 0, outputTokens: 0 };
  // The last pass that ended on its own decides: a limit that cut it cut the answer.
  let finishReason: FinishReason = "other";
  const maxOutputTokens = input.config.maxTokens ?? LIMITS.defaultMaxTokens;
  const { signal, upstream, pulse } = input;

  const emit = (body: RunEventBody) => {
    if (body.type === "agent-delta" && body.text !== "") firstTokenAt ??= input.now();
    input.emit(body);
  };

  const finished = (): AgentOutcome => {
    const end = input.now();
    return {
      status: "finished",
      text: written,
      usage: { ...usage },
      finishReason,
      maxOutputTokens,
      reasoning,
      ttftMs: Math.max(0, Math.round((firstTokenAt ?? end) - startedAt)),
      durationMs: Math.max(0, Math.round(end - startedAt)),
    };
  };

  async function run(): Promise<AgentOutcome> {
    while (true) {
      if (signal.aborted) return { status: "aborted", partialText: written };
      const final = upstream.done();
      const answers = upstream.answers();
      if (answers.length === 0) {
        // Nothing to aggregate (yet): the engine fails the run if the upstream layer ends empty.
        if (!(await waitFor(() => upstream.answers().length > 0, pulse, signal))) return { status: "aborted", partialText: written };
        continue;
      }
      const seen = upstream.lengths();
      // Anthropic rejects an assistant prefix that ends in whitespace; no model needs it.
      const prefix: ChatMessage[] = written.trim() ? [{ role: "assistant", content: written.trimEnd() }] : [];
      const pass = new AbortController();
      const forward = () => pass.abort(signal.reason);
      signal.addEventListener("abort", forward, { once: true });
      const handle = startAgent({ ...input, messages: [...input.buildMessages(answers), ...prefix], signal: pass.signal, emit });
      current = handle;

      let reissue = false;
      if (!final) {
        const passEnded = handle.outcome.then(() => undefined);
        // Cut the pass once it has written a chunk of its own and the upstream has moved a step. Each
        // re-issue costs a new time to first token, so cutting sooner would starve the next layer.
        // A pass that has written nothing yet is cut as soon as the upstream is done: it loses nothing.
        reissue = await waitFor(
          () =>
            (upstream.done() && handle.partialText() === "") ||
            (handle.partialText().length >= input.chunkChars && upstream.advanced(seen, input.chunkChars)),
          pulse,
          signal,
          passEnded,
        );
        if (reissue) pass.abort(new ReissueSignal("re-issued with longer answers"));
      }
      const outcome = await handle.outcome;
      signal.removeEventListener("abort", forward);
      current = undefined;

      if (outcome.status === "finished") {
        written += outcome.text;
        reasoning += outcome.reasoning;
        finishReason = outcome.finishReason;
        addUsage(usage, outcome.usage);
        if (final) return finished();
      } else if (outcome.status === "aborted") {
        written += outcome.partialText;
        if (signal.aborted) return { status: "aborted", partialText: written };
      } else if (outcome.failure.kind === "empty" && written !== "") {
        // Continuing a text the model considers complete yields nothing: the answer stands.
        finishReason = "stop";
        if (final) return finished();
      } else {
        return { status: "failed", failure: outcome.failure, partialText: written + outcome.partialText };
      }
      // The pass ended before the upstream moved on: wait for the next step before continuing.
      if (!reissue && !(await waitFor(() => upstream.advanced(seen, input.chunkChars), pulse, signal))) {
        return { status: "aborted", partialText: written };
      }
    }
  }

  return { outcome: run(), partialText: () => written + (current?.partialText() ?? "") };
}
