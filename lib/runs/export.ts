import { z } from "zod";
import { foldRun } from "@/lib/db/agent-summary";
import { runShape } from "@/lib/db/run-summary";
import { moaConfigSchema } from "@/lib/moa/config";
import { conversationSchema } from "@/lib/moa/conversation";
import { runEventSchema, usageSchema, type RunEvent } from "@/lib/moa/events";
import { METHOD_NOTE_KINDS, methodNotes } from "@/lib/moa/method-notes";
import type { AgentState, RunState } from "@/lib/moa/run-state";
import type { StoredRun } from "./run-store";

/**
 * A run as a file: the JSON record (run + every event, re-importable) and a Markdown
 * report for people. Neither holds the owner secret or any key: the store has neither.
 */

export const EXPORT_FORMAT = "moa-run";
export const EXPORT_VERSION = 1;

const methodNoteSchema = z.object({
  kind: z.enum(METHOD_NOTE_KINDS),
  layer: z.number().int().nonnegative(),
  agent: z.number().int().nonnegative().optional(),
  final: z.boolean(),
  label: z.string().max(500),
  text: z.string().max(5_000),
});

const runStatusSchema = z.enum(["pending", "running", "finished", "failed", "cancelled", "interrupted"]);

export const exportedRunSchema = z.object({
  id: z.string(),
  status: runStatusSchema,
  config: moaConfigSchema,
  messages: conversationSchema,
  preset: z.string().max(80).optional(),
  finalText: z.string(),
  usage: usageSchema,
  durationMs: z.number().nonnegative().optional(),
  error: z.string().optional(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
  /** For readers of the file: where the run left the paper's method. Recomputed from the events on import. */
  notes: z.array(methodNoteSchema).max(1_000).optional(),
});

export const runExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  run: exportedRunSchema,
  events: z
    .array(runEventSchema)
    .max(200_000)
    .refine((events) => events.every((e, i) => i === 0 || e.seq > events[i - 1].seq), "events must be in increasing seq order"),
});

export type RunExport = z.infer<typeof runExportSchema>;

export function toRunExport(run: StoredRun, events: RunEvent[], now = new Date()): RunExport {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const notes = methodNotes(foldRun(run.id, run.config, run.messages, sorted));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    run: {
      id: run.id,
      status: run.status,
      config: run.config,
      messages: run.messages,
      ...(run.preset !== undefined && { preset: run.preset }),
      finalText: run.finalText,
      usage: run.usage,
      ...(run.durationMs !== undefined && { durationMs: run.durationMs }),
      ...(run.error !== undefined && { error: run.error }),
      createdAt: run.createdAt.toISOString(),
      ...(run.finishedAt && { finishedAt: run.finishedAt.toISOString() }),
      ...(notes.length > 0 && { notes }),
    },
    events: sorted,
  };
}

/** The state the events lead to; the stored config seeds it when run-started is missing. */
export function stateOfExport(record: RunExport): RunState {
  const { run, events } = record;
  return foldRun(run.id, run.config, run.messages, events);
}

const fmtMs = (ms: number | undefined) => (ms === undefined ? "–" : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const fmtInt = (n: number | undefined) => (n === undefined ? "–" : n.toLocaleString("en-US"));

function quote(text: string): string {
  return text.trim() === "" ? "_(no text)_" : text.trim();
}

function agentSection(a: AgentState, isFinal: boolean): string[] {
  const title = isFinal ? `### Final aggregator · ${a.model}` : `### Agent ${a.agent + 1} · ${a.model}`;
  const figures = [
    `status: ${a.status}`,
    `tokens in/out: ${fmtInt(a.usage?.inputTokens)} / ${fmtInt(a.usage?.outputTokens)}`,
    ...(a.usage?.reasoningTokens ? [`reasoning tokens: ${fmtInt(a.usage.reasoningTokens)} of the output`] : []),
    `time to first token: ${fmtMs(a.ttftMs)}`,
    `duration: ${fmtMs(a.durationMs)}`,
  ];
  const lines = [title, "", `_${figures.join(" · ")}_`, ""];
  if (a.error) lines.push(`> Failed (${a.error.kind}): ${a.error.message}`, "");
  if (a.skipReason) lines.push(`> Skipped: ${a.skipReason}`, "");
  if (a.truncatedAt !== undefined) lines.push(`> Truncated: stopped at its ${fmtInt(a.truncatedAt)}-token output limit.`, "");
  if (a.reasoning?.trim()) {
    // Quoted so the model's reasoning reads as a side note, apart from its answer.
    lines.push("<details><summary>Reasoning</summary>", "", ...a.reasoning.trim().split("\n").map((l) => `> ${l}`), "", "</details>", "");
  }
  lines.push(quote(a.text), "");
  return lines;
}

/** A readable report: the prompt, every agent's answer by layer, the final answer, the figures. */
export function toMarkdown(record: RunExport): string {
  const { run } = record;
  const state = stateOfExport(record);
  const promptAt = run.messages.findLastIndex((m) => m.role === "user");
  const prompt = run.messages[promptAt]?.content ?? "";
  const earlier = run.messages.slice(0, Math.max(0, promptAt));
  const finalText = state.finalText || run.finalText || state.agents.at(-1)?.[0]?.text || "";
  const usage = state.status === "finished" ? state.usage : run.usage;
  const lines: string[] = [
    "# MoA run",
    "",
    `- Status: ${state.status}`,
    `- Shape: ${runShape(run.config)} (${run.config.layers.length} layers)${run.preset ? ` · preset ${run.preset}` : ""}`,
    `- Started: ${run.createdAt}`,
    `- Duration: ${fmtMs(state.durationMs ?? run.durationMs)}`,
    `- Tokens in/out: ${fmtInt(usage.inputTokens)} / ${fmtInt(usage.outputTokens)}`,
    ...(usage.reasoningTokens ? [`- Reasoning tokens: ${fmtInt(usage.reasoningTokens)} (part of the output)`] : []),
    "",
  ];
  if (state.error && state.status !== "finished") lines.push(`> ${state.error}`, "");
  const notes = methodNotes(state);
  if (notes.length > 0) {
    lines.push("## How this answer was made", "", ...notes.map((n) => `- **${n.label}**: ${n.text}`), "");
  }
  if (earlier.length > 0) {
    lines.push("## Conversation before the prompt", "");
    for (const m of earlier) lines.push(`**${m.role}:** ${m.content}`, "");
  }
  lines.push("## Prompt", "", prompt, "");
  state.agents.forEach((row, l) => {
    const last = l === state.agents.length - 1;
    lines.push(`## Layer ${l + 1}${last ? " (final aggregator)" : l === 0 ? " (proposers)" : " (aggregators)"}`, "");
    if (state.layers[l]?.durationMs !== undefined) lines.push(`_layer duration: ${fmtMs(state.layers[l].durationMs)}_`, "");
    for (const a of row) lines.push(...agentSection(a, last));
  });
  lines.push("## Final answer", "", quote(finalText), "");
  return lines.join("\n");
}

export function exportFileName(id: string, ext: "json" | "md"): string {
  return `moa-run-${id}.${ext}`;
}
