import type { LanguageModel } from "ai";
import { AppError } from "@/lib/errors";
import { runMoA } from "@/lib/moa/engine";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import type { RunEvent } from "@/lib/moa/events";
import { methodNotes, type MethodNote } from "@/lib/moa/method-notes";
import { initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";
import { engineTimeoutsFromEnv } from "@/lib/runs/engine-options";
import { newRunId } from "@/lib/runs/ids";
import { modelIdsOf } from "@/lib/security/access";
import { CliError } from "./cli-error";

export interface RunRecord {
  runId: string;
  status: RunState["status"];
  preset?: string;
  config: MoAConfig;
  messages: ChatMessage[];
  finalText: string;
  usage: RunState["usage"];
  durationMs?: number;
  error?: string;
  agents: RunState["agents"];
  /** Where the run left the paper's method or an answer was cut (see lib/moa/method-notes). */
  notes: MethodNote[];
  events: RunEvent[];
}

/** Fails fast, before any tokens are paid for, on a model id no configured provider can serve. */
export function checkModels(config: MoAConfig, resolveModel: (id: string) => LanguageModel): void {
  for (const id of new Set(modelIdsOf(config))) {
    try {
      resolveModel(id);
    } catch (error) {
      const reason = error instanceof AppError ? error.message : `cannot use model "${id}"`;
      throw new CliError(`${reason}`);
    }
  }
}

/** Runs the board in this process, reporting every event as it happens. */
export async function runBoard(input: {
  config: MoAConfig;
  messages: ChatMessage[];
  preset?: string;
  resolveModel: (id: string) => LanguageModel;
  signal: AbortSignal;
  onEvent: (event: RunEvent, state: RunState) => void;
}): Promise<RunRecord> {
  const runId = newRunId();
  const events: RunEvent[] = [];
  let state = initialRunState(runId);
  for await (const event of runMoA(input.config, input.messages, { runId, resolveModel: input.resolveModel, signal: input.signal, ...engineTimeoutsFromEnv() })) {
    events.push(event);
    state = reduceRun(state, event);
    input.onEvent(event, state);
  }
  return {
    runId,
    status: state.status,
    ...(input.preset && { preset: input.preset }),
    config: input.config,
    messages: input.messages,
    finalText: state.finalText,
    usage: state.usage,
    durationMs: state.durationMs,
    error: state.error,
    agents: state.agents,
    notes: methodNotes(state),
    events,
  };
}
