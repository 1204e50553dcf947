"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { LIMITS } from "@/lib/moa/limits";
import type { BoardSlot, SlotSettings } from "@/lib/client/board-store";
import { SimSkillSettings } from "@/components/sim/sim-skill-settings";
import { isSimId } from "@/lib/client/sim-tweaks";
import { Popover } from "@/components/ui/popover";
import { ReasoningEffortField, useMayReason } from "./reasoning-settings";

const field = "h-8 w-full rounded-md border border-line bg-bg px-2 text-sm outline-none focus:border-accent";

function parseNumber(value: string): number | undefined {
  if (value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Temperature, max tokens and system prompt of one agent; blank means the provider's default. */
export function SlotSettingsPopover({
  title,
  slot,
  onChange,
  onModelChange,
  onClose,
  anchor,
}: {
  title: string;
  slot: BoardSlot;
  onChange: (patch: SlotSettings) => void;
  /** Sim skill tweaks live in the model id's query (`sim:owl?keep=0`). */
  onModelChange: (model: string) => void;
  onClose: () => void;
  anchor: HTMLElement | null;
}) {
  const id = useId();
  const temperature = slot.temperature;
  const mayReason = useMayReason(slot.model);
  return (
    <Popover label={title} onClose={onClose} returnFocusTo={anchor} className="w-80">
      <p className="mb-3 text-xs font-semibold tracking-wide text-muted uppercase">{title}</p>
      <div className="space-y-3">
        <div>
          <div className="mb-1 flex items-baseline justify-between">
            <label htmlFor={`${id}-t`} className="text-xs font-medium">
              Temperature
            </label>
            <span className="font-mono text-xs text-muted">{temperature ?? "default"}</span>
          </div>
          <div className="flex items-center gap-2">
            <input
              id={`${id}-t`}
              type="range"
              min={0}
              max={2}
              step={0.1}
              value={temperature ?? 0.7}
              onChange={(e) => onChange({ temperature: Number(e.target.value) })}
              className="flex-1 accent-accent"
            />
            <input
              aria-label="Temperature value"
              type="number"
              min={0}
              max={2}
              step={0.1}
              placeholder="auto"
              value={temperature ?? ""}
              onChange={(e) => onChange({ temperature: parseNumber(e.target.value) })}
              className={`${field} w-20`}
            />
          </div>
          <p className="mt-1 text-[11px] text-muted">Higher values vary more: useful when one model fills several slots.</p>
        </div>
        <div>
          <label htmlFor={`${id}-m`} className="mb-1 block text-xs font-medium">
            Max tokens
          </label>
          <input
            id={`${id}-m`}
            type="number"
            min={1}
            max={LIMITS.maxTokens}
            step={1}
            placeholder={`default (${LIMITS.defaultMaxTokens})`}
            value={slot.maxTokens ?? ""}
            onChange={(e) => onChange({ maxTokens: parseNumber(e.target.value) })}
            className={field}
          />
        </div>
        <div>
          <label htmlFor={`${id}-s`} className="mb-1 block text-xs font-medium">
            System prompt
          </label>
          <textarea
            id={`${id}-s`}
            rows={4}
            maxLength={LIMITS.maxSystemChars}
            placeholder="Optional: a role or style for this agent"
            value={slot.system ?? ""}
            onChange={(e) => onChange({ system: e.target.value })}
            className="w-full resize-y rounded-md border border-line bg-bg p-2 text-sm outline-none focus:border-accent"
          />
        </div>
        {mayReason && slot.model && (
          <ReasoningEffortField model={slot.model} value={slot.reasoningEffort} onChange={(reasoningEffort) => onChange({ reasoningEffort })} />
        )}
        {isSimId(slot.model) && <SimSkillSettings modelId={slot.model} onChange={onModelChange} />}
        <div className="flex justify-between">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onChange({ temperature: undefined, maxTokens: undefined, system: undefined, reasoningEffort: undefined })}
          >
            Reset to defaults
          </Button>
          <Button size="sm" variant="primary" onClick={onClose}>
            Done
          </Button>
        </div>
      </div>
    </Popover>
  );
}
