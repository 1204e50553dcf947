"use client";

import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { AgentState } from "@/lib/moa/run-state";
import { useStickToBottom } from "./use-stick-to-bottom";

/** "12 s", "1.4 s", "2 min 5 s": how long a model thought, to the precision a person cares about. */
export function thoughtFor(ms: number): string {
  if (ms < 10_000) return `${Math.max(0.1, Math.round(ms / 100) / 10)} s`;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Thinking while no answer has started and the agent is still running. */
export function isThinking(a: Omit<AgentState, "text">): boolean {
  return a.reasoningEndedAt === undefined && (a.status === "thinking" || a.status === "streaming");
}

/**
 * A reasoning model's thoughts, in a lane above its answer: open while it thinks, folded to
 * "Thought for 12 s" once the answer starts. A person who opens or closes it keeps it that way.
 */
export function ReasoningLane({ agent, modelName }: { agent: Omit<AgentState, "text">; modelName: string }) {
  const id = useId();
  const [chosen, setChosen] = useState<boolean>();
  const { scrollerRef, contentRef } = useStickToBottom<HTMLDivElement, HTMLDivElement>();
  const reasoning = agent.reasoning ?? "";
  const thinking = isThinking(agent);
  const open = chosen ?? thinking;
  const end = agent.reasoningEndedAt ?? agent.finishedAt;
  const label = thinking
    ? "Thinking…"
    : end !== undefined && agent.reasoningStartedAt !== undefined
      ? `Thought for ${thoughtFor(end - agent.reasoningStartedAt)}`
      : "Reasoning";
  const tokens = agent.usage?.reasoningTokens;

  return (
    <div className="border-b border-line bg-subtle/40" data-testid="reasoning-lane">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setChosen(!open)}
        className="flex w-full items-center gap-1.5 px-3 py-1 text-left text-[12px] text-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
      >
        <span aria-hidden="true" className={cn("inline-block transition-transform", open && "rotate-90")}>
          ▸
        </span>
        <span>{label}</span>
        {tokens !== undefined && <span className="ml-auto tabular-nums">{tokens.toLocaleString("en-US")} reasoning tok</span>}
      </button>
      <div
        id={id}
        role="region"
        aria-label={`Reasoning of ${modelName}`}
        hidden={!open}
        ref={scrollerRef}
        className="max-h-36 overflow-y-auto px-3 pb-2 [contain:content]"
      >
        <div ref={contentRef} className="whitespace-pre-wrap border-l-2 border-line pl-2 text-[12px] leading-relaxed text-muted italic">
          {reasoning}
        </div>
      </div>
    </div>
  );
}
