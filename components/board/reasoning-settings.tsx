"use client";

import { useId } from "react";
import { findModel } from "@/lib/client/model-view";
import { useModelsStore } from "@/lib/client/models";
import { reasoningEffortSchema, type ReasoningEffort } from "@/lib/moa/config";

/** Servers whose models we cannot know in advance: any of them may reason, so the setting is offered. */
const OPEN_ENDED = new Set(["compat", "ollama"]);

/** The model is known to reason, or may: the board then offers it a reasoning effort. */
export function useMayReason(model: string | null): boolean {
  const info = useModelsStore((s) => (model ? findModel(s.models, model) : undefined));
  if (!model) return false;
  return info?.reasoning === true || OPEN_ENDED.has(model.slice(0, model.indexOf(":")));
}

const HOW: Record<string, string> = {
  openai: "Sent as OpenAI's reasoning effort, with reasoning summaries on.",
  anthropic: "Sent as an extended-thinking token budget (2k, 8k or 24k).",
  sim: "The simulated thinker checks more claims at a higher effort.",
};

/** Reasoning effort of one agent; "default" leaves the provider's own. */
export function ReasoningEffortField({ model, value, onChange }: { model: string; value?: ReasoningEffort; onChange: (value?: ReasoningEffort) => void }) {
  const id = useId();
  const provider = model.slice(0, model.indexOf(":"));
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium">
        Reasoning effort
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(reasoningEffortSchema.safeParse(e.target.value).data)}
        className="h-8 w-full rounded-md border border-line bg-bg px-2 text-sm outline-none focus:border-accent"
      >
        <option value="">default</option>
        {reasoningEffortSchema.options.map((effort) => (
          <option key={effort} value={effort}>
            {effort}
          </option>
        ))}
      </select>
      <p className="mt-1 text-[11px] text-muted">{HOW[provider] ?? "Sent as reasoning_effort to the OpenAI-compatible server."}</p>
    </div>
  );
}
