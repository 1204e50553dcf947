"use client";

import { useEffect, useMemo, useRef } from "react";
import { focusColumn } from "@/lib/client/column-id";
import { Button } from "@/components/ui/button";
import { useRunStore } from "@/lib/client/run-store";
import { agentInputsFromRun, inputsKnown, type AgentInputs, type QuotedAnswer } from "@/lib/teach/agent-inputs";
import { useTeachStore } from "./teach-store";
import { plural } from "@/lib/plural";

/** "Inputs" on an agent's column: opens what that agent was sent. */
export function InputsButton({ layer, agent }: { layer: number; agent: number }) {
  const open = useTeachStore((s) => s.openInputs);
  const known = useRunStore((s) => inputsKnown(s.run, layer));
  return (
    <button
      type="button"
      onClick={() => open(layer, agent)}
      disabled={!known}
      aria-label={`Inputs for Layer ${layer + 1} · Agent ${agent + 1}`}
      title={known ? "What did this agent see?" : "Known once the previous layer has answered"}
      className="rounded-md border border-line px-1.5 py-0.5 text-[11px] font-medium text-muted hover:bg-subtle hover:text-fg disabled:opacity-40"
    >
      Inputs
    </button>
  );
}

function Param({ name, value }: { name: string; value: string }) {
  return (
    <div className="flex gap-2">
      <dt className="w-28 shrink-0 text-muted">{name}</dt>
      <dd className="min-w-0 font-mono text-[0.8125rem] break-words whitespace-pre-wrap">{value}</dd>
    </div>
  );
}

/** The system message with every quoted answer highlighted and linked to its column. */
function HighlightedSystem({ text, quoted, onSource }: { text: string; quoted: QuotedAnswer[]; onSource: (q: QuotedAnswer) => void }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const q of quoted) {
    if (q.start > at) parts.push(text.slice(at, q.start));
    const trace = q.kind === "trace";
    parts.push(
      <mark
        key={`${q.kind ?? "answer"}-${q.n}`}
        data-testid={trace ? "quoted-trace" : "quoted-answer"}
        className={trace ? "rounded bg-sky-100/80 text-fg italic dark:bg-sky-900/40" : "rounded bg-amber-100/80 text-fg dark:bg-amber-900/40"}
      >
        <button
          type="button"
          onClick={() => onSource(q)}
          className={
            trace
              ? "mr-1 rounded bg-sky-300/70 px-1 font-sans text-[11px] font-semibold not-italic text-sky-950 hover:bg-sky-400 dark:bg-sky-700 dark:text-sky-50"
              : "mr-1 rounded bg-amber-300/70 px-1 font-sans text-[11px] font-semibold text-amber-950 hover:bg-amber-400 dark:bg-amber-700 dark:text-amber-50"
          }
        >
          {trace ? "reasoning of" : "from"} Layer {q.layer + 1} · Agent {q.agent + 1} ↗
        </button>
        {text.slice(q.start, q.end)}
      </mark>,
    );
    at = q.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** What early aggregation really did for this agent's layer: never claim partial answers where the layer waited. */
function EarlyNote({ early }: { early: NonNullable<AgentInputs["early"]> }) {
  const text =
    early.kind === "partial"
      ? "Early aggregation: this agent started from partial answers and read more as they streamed; shown here are the answers as finished."
      : early.kind === "complete"
        ? "Early aggregation was on, but the previous layer had finished before this one started: this agent saw every answer in full, exactly as shown."
        : `Early aggregation was on, but ${early.models.join(", ")} cannot continue a partial answer, so this layer waited for every answer in full (the paper's schedule): exactly what is shown here.`;
  return (
    <p data-testid="early-note" className="text-sm text-muted">
      {text}
    </p>
  );
}

function InputsBody({ inputs, onSource }: { inputs: AgentInputs; onSource: (q: QuotedAnswer) => void }) {
  const { params } = inputs;
  return (
    <div className="flex flex-col gap-4">
      <dl className="flex flex-col gap-1 text-sm">
        <Param name="model" value={params.model} />
        <Param name="temperature" value={params.temperature === undefined ? "provider default" : String(params.temperature)} />
        <Param name="max tokens" value={String(params.maxTokens)} />
        {params.seed !== undefined && <Param name="seed" value={String(params.seed)} />}
        {params.reasoningEffort && <Param name="reasoning effort" value={params.reasoningEffort} />}
        {inputs.readsReasoning !== undefined && (
          <Param
            name="reasoning traces"
            value={inputs.readsReasoning ? "read: the previous layer's reasoning is in the prompt" : "not read: answers only"}
          />
        )}
        <Param name="system" value={params.system?.trim() ? params.system : "none of its own"} />
      </dl>
      {inputs.early && <EarlyNote early={inputs.early} />}
      <ol className="flex flex-col gap-3">
        {inputs.messages.map((m, i) => (
          <li key={i} className="rounded-lg border border-line">
            <p className="border-b border-line bg-subtle/60 px-3 py-1 text-xs font-semibold tracking-wide text-muted uppercase">{m.role}</p>
            <pre className="max-h-[60vh] overflow-auto px-3 py-2 font-mono text-[0.8125rem] leading-relaxed whitespace-pre-wrap">
              {m.role === "system" ? <HighlightedSystem text={m.content} quoted={inputs.quoted} onSource={onSource} /> : m.content}
            </pre>
          </li>
        ))}
      </ol>
    </div>
  );
}

function quotedSummary(quoted: QuotedAnswer[], previousLayer: number): string {
  const answers = quoted.filter((q) => q.kind !== "trace").length;
  const traces = quoted.length - answers;
  if (answers === 0) return "the conversation only";
  return `${plural(answers, "answer")}${traces > 0 ? ` and ${plural(traces, "reasoning trace")}` : ""} from layer ${previousLayer} highlighted`;
}

/** "What did this agent see?": the exact messages and parameters, rebuilt the way the engine built them. */
export function InputsDialog() {
  const target = useTeachStore((s) => s.inputsFor);
  const close = useTeachStore((s) => s.closeInputs);
  // Closed, it has nothing to draw: no render per delta.
  const run = useRunStore((s) => (target ? s.run : null));
  const inputs = useMemo(() => (target && run ? agentInputsFromRun(run, target.layer, target.agent) : undefined), [run, target]);
  const panel = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!target) return;
    opener.current = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        close();
      }
    };
    document.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      opener.current?.focus();
    };
  }, [target, close]);

  if (!target || !inputs) return null;
  const title = `What Layer ${target.layer + 1} · Agent ${target.agent + 1} saw`;
  const onSource = (q: QuotedAnswer) => {
    close();
    // After the dialog is gone, so the column can take focus.
    requestAnimationFrame(() => focusColumn(q.layer, q.agent));
  };
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-black/40 p-4 sm:p-8" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        className="flex max-h-full w-full max-w-4xl flex-col overflow-hidden rounded-2xl border border-line bg-surface text-fg shadow-2xl outline-none"
      >
        <header className="flex items-center gap-3 border-b border-line px-4 py-3">
          <h2 className="text-base font-semibold">{title}</h2>
          <span className="text-sm text-muted">
            {quotedSummary(inputs.quoted, target.layer)}
          </span>
          <Button size="sm" variant="ghost" className="ml-auto" onClick={close}>
            Close
          </Button>
        </header>
        <div className="overflow-y-auto px-4 py-4">
          <InputsBody inputs={inputs} onSource={onSource} />
        </div>
      </div>
    </div>
  );
}
