"use client";

import { memo, useMemo, useRef } from "react";
import { formatMs, formatTokens, formatUsd, isAgentActive, tokensPerSecond } from "@/lib/client/format";
import { SimulatedBadge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { AlertIcon } from "@/components/ui/icons";
import { usageCostUsd } from "@/lib/analysis/cost";
import { selectAgentMeta, selectAgentText } from "@/lib/client/agent-selectors";
import { useModelView } from "@/lib/client/models";
import { useRunStoreTransition } from "@/lib/client/use-run-store-transition";
import { lookupModel } from "@/lib/providers/catalog";
import { InputsButton } from "@/components/teach/inputs-dialog";
import { MisleadingBadge } from "@/components/teach/misleading-badge";
import { TruncatedBadge } from "./method-notes";
import { STATUS_META, StatusBadge } from "./agent-status";
import { agentLabel, columnId } from "@/lib/client/column-id";
import { LiveMarkdown } from "./live-markdown";
import { ReasoningLane } from "./reasoning-lane";
import { useInView } from "./use-in-view";
import { useStickToBottom } from "./use-stick-to-bottom";

export interface AgentColumnProps {
  layer: number;
  agent: number;
  /** From the config, so the column exists (waiting) before the agent's first event. */
  model: string;
}

/**
 * One agent's stream. Subscribes to its own agent without the text, so the column renders when
 * the agent's status or figures change; the text reaches the DOM through LiveMarkdown. Those
 * renders are transitions: the 16 proposers of a layer start and finish in the same few frames,
 * and rendering their columns inside those frames made each one long.
 */
export const AgentColumn = memo(function AgentColumn({ layer, agent, model }: AgentColumnProps) {
  const selectors = useMemo(() => ({ meta: selectAgentMeta(layer, agent), text: selectAgentText(layer, agent) }), [layer, agent]);
  const state = useRunStoreTransition(selectors.meta);
  const view = useModelView(state?.model ?? model);
  const status = state?.status ?? "waiting";
  const sectionRef = useRef<HTMLElement>(null);
  const inView = useInView(sectionRef);
  const { scrollerRef, contentRef } = useStickToBottom<HTMLDivElement, HTMLDivElement>();
  const label = agentLabel(layer, agent, view.name);
  const active = isAgentActive(status);
  const streaming = status === "streaming";
  // Shown once the agent is done, when its usage counts the tokens (the text is not needed).
  const tps = state?.usage ? tokensPerSecond({ ...state, text: "" }, state.finishedAt ?? state.firstTokenAt ?? 0) : undefined;
  const cost = usageCostUsd(state?.usage, lookupModel(view.id)?.pricePerMTokens);

  return (
    <section
      ref={sectionRef}
      id={columnId(layer, agent)}
      role="region"
      aria-label={label}
      aria-busy={active}
      tabIndex={-1}
      className={cn(
        "flex min-w-0 flex-col overflow-hidden rounded-xl border bg-surface shadow-xs outline-none",
        // Columns scrolled out of view skip layout and paint while their text streams in.
        "[content-visibility:auto] [contain-intrinsic-size:auto_18rem]",
        "focus-visible:ring-2 focus-visible:ring-accent/50 focus:ring-2 focus:ring-accent/40",
        STATUS_META[status].ring,
        "max-sm:w-[86vw] max-sm:shrink-0 max-sm:snap-center",
      )}
    >
      {/* A container, so a narrow column gives its width to the model name rather than to the badges. */}
      <header className="@container flex items-center gap-2 border-b border-line px-3 py-2">
        <span className="rounded-md bg-subtle px-1.5 py-0.5 font-mono text-[10px] text-muted" aria-hidden="true">
          L{layer + 1}·A{agent + 1}
        </span>
        <h3 className="min-w-0 truncate text-sm font-semibold" title={view.id}>
          {view.label}
        </h3>
        {view.simulated && <SimulatedBadge short />}
        <MisleadingBadge layer={layer} agent={agent} />
        <TruncatedBadge layer={layer} agent={agent} />
        <StatusBadge status={status} className="ml-auto" labelClassName="@max-[21rem]:sr-only" />
        <InputsButton layer={layer} agent={agent} />
      </header>

      {state?.reasoning !== undefined && <ReasoningLane agent={state} modelName={view.name} />}

      {/* While text streams in, the scroller fills a box of fixed height, positioned and strictly
          contained: a relayout boundary, so a frame's new words lay out this box, not the column
          and page around it. Chromium never takes a flex or grid item as one, so the box that
          flexes is this wrapper, not the scroller. */}
      <div className={streaming ? "relative shrink-0 grow basis-80 sm:basis-96" : "flex min-h-0 flex-1 flex-col"}>
        <div
          ref={scrollerRef}
          className={cn(
            "overflow-y-auto px-3 py-2.5",
            streaming ? "absolute inset-0 [contain:strict]" : "max-h-80 min-h-28 flex-1 [contain:content] sm:max-h-96",
          )}
        >
          <div ref={contentRef}>
            {state?.hasText ? (
              <div data-testid="agent-text">
                <LiveMarkdown select={selectors.text} streaming={streaming} parse={inView} />
              </div>
            ) : (
              <p className="text-sm text-muted">
                {status === "thinking" ? (state?.reasoning !== undefined ? "The answer follows its reasoning." : "Thinking…") : status === "waiting" ? "Waiting for its turn." : status === "failed" ? "" : "No text."}
              </p>
            )}
            {state?.error && (
              <p role="alert" className="mt-2 flex items-start gap-2 rounded-lg border border-red-300/70 bg-red-50 px-2.5 py-2 text-[13px] text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
                <AlertIcon className="mt-0.5 shrink-0" />
                <span>
                  <span className="font-medium">Failed ({state.error.kind.replace("_", " ")}):</span> {state.error.message}
                </span>
              </p>
            )}
            {state?.skipReason && <p className="mt-2 text-[13px] text-muted">Skipped: {state.skipReason}</p>}
          </div>
        </div>
      </div>

      <footer className="flex flex-wrap gap-x-3 gap-y-0.5 border-t border-line bg-subtle/50 px-3 py-1.5 text-[11px] text-muted tabular-nums">
        <Figure label="first token" value={formatMs(state?.ttftMs ?? (state?.firstTokenAt !== undefined && state.startedAt !== undefined ? state.firstTokenAt - state.startedAt : undefined))} />
        <Figure label="out" value={`${formatTokens(state?.usage?.outputTokens)} tok`} />
        {state?.usage?.reasoningTokens !== undefined && <Figure label="of which reasoning" value={`${formatTokens(state.usage.reasoningTokens)} tok`} />}
        <Figure label="time" value={formatMs(state?.durationMs)} />
        {tps !== undefined && status === "done" && <Figure label="speed" value={`${Math.round(tps)} tok/s`} />}
        {cost !== undefined && <Figure label="cost" value={`${formatUsd(cost)} est.`} />}
        {state && state.retries > 0 && <Figure label="retries" value={String(state.retries)} />}
      </footer>
    </section>
  );
});

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <span>
      <span className="text-muted/80">{label}</span> <span className="text-fg/80">{value}</span>
    </span>
  );
}
