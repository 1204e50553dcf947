import "server-only";
import { z } from "zod";
import { foldRun } from "./agent-summary";
import { runShape } from "./run-summary";
import { moaConfigSchema } from "@/lib/moa/config";
import { conversationSchema } from "@/lib/moa/conversation";
import { runEventSchema, usageSchema, type RunEvent } from "@/lib/moa/events";
import { METHOD_NOTE_KINDS, methodNotes } from "@/lib/moa/method-notes";
import { RUN_STATUSES, type AgentState, type RunState } from "@/lib/moa/run-state";
import { plural } from "@/lib/plural";
import type { StoredRun } from "./run-store";
import { demoteHeadings, fenceVerbatim } from "./markdown-nesting";

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

export const exportedRunSchema = z.object({
  id: z.string(),
  status: z.enum(RUN_STATUSES),
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

const NO_TEXT = "_(no text)_";

/** An answer shown as the report's content: rendered, its headings nested under the section's. */
function nested(text: string, minLevel: number): string {
  return text.trim() === "" ? NO_TEXT : demoteHeadings(text.trim(), minLevel);
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
    // Folded, and verbatim in a fence like the answer: the model's reasoning is a side note.
    lines.push("<details><summary>Reasoning</summary>", "", fenceVerbatim(a.reasoning.trim()), "", "</details>", "");
  }
  // Verbatim in a fence: an agent's own headings, rules or unclosed code cannot break the report.
  lines.push(a.text.trim() === "" ? NO_TEXT : fenceVerbatim(a.text.trim()), "");
  return lines;
}

/**
 * A readable report: the prompt and the final answer first, then how it was made, then every
 * agent's answer by layer (verbatim), with the figures.
 */
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
    `- Shape: ${runShape(run.config)} (${plural(run.config.layers.length, "layer")})${run.preset ? ` · preset ${run.preset}` : ""}`,
    `- Started: ${run.createdAt}`,
    `- Duration: ${fmtMs(state.durationMs ?? run.durationMs)}`,
    `- Tokens in/out: ${fmtInt(usage.inputTokens)} / ${fmtInt(usage.outputTokens)}`,
    ...(usage.reasoningTokens ? [`- Reasoning tokens: ${fmtInt(usage.reasoningTokens)} (part of the output)`] : []),
    "",
  ];
  if (state.error && state.status !== "finished") lines.push(`> ${state.error}`, "");
  lines.push("## Prompt", "", nested(prompt, 3), "");
  lines.push("## Final answer", "", nested(finalText, 3), "");
  const notes = methodNotes(state);
  if (notes.length > 0) {
    lines.push("## How this answer was made", "", ...notes.map((n) => `- **${n.label}**: ${n.text}`), "");
  }
  if (earlier.length > 0) {
    lines.push("## Conversation before the prompt", "");
    for (const m of earlier) lines.push(`**${m.role}:**`, "", nested(m.content, 3), "");
  }
  state.agents.forEach((row, l) => {
    const last = l === state.agents.length - 1;
    lines.push(`## Layer ${l + 1}${last ? " (final aggregator)" : l === 0 ? " (proposers)" : " (aggregators)"}`, "");
    if (state.layers[l]?.durationMs !== undefined) lines.push(`_layer duration: ${fmtMs(state.layers[l].durationMs)}_`, "");
    for (const a of row) lines.push(...agentSection(a, last));
  });
  return lines.join("\n");
}

export function exportFileName(id: string, ext: "json" | "md"): string {
  return `moa-run-${id}.${ext}`;
}
