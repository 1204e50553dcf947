"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { SpinnerIcon } from "@/components/ui/icons";
import { displayName } from "@/lib/client/model-view";
import { useModels } from "@/lib/client/models";
import { isSimId, JUDGE_TWEAKS, readTweaks, withTweaks } from "@/lib/client/sim-tweaks";
import { baseModelId } from "@/lib/providers/sim/sim-id";
import { SimJudgeSettings } from "@/components/sim/sim-judge-settings";

/**
 * A select of the models this server can reach now, for the judge. Prefers a strong simulated
 * one offline. A simulated judge's noise and length bias travel in its id's query.
 */
export function JudgeSelect({ value, onChange, disabled }: { value: string; onChange(model: string): void; disabled?: boolean }) {
  const { models, status } = useModels();
  const usable = models.filter((m) => m.available);
  useEffect(() => {
    if (value || usable.length === 0) return;
    onChange((usable.find((m) => m.id === "sim:owl") ?? usable[0]).id);
  }, [value, usable, onChange]);
  const chosen = baseModelId(value);
  const pick = (id: string) => {
    // Keep the judge settings when switching between simulated judges.
    const settings = readTweaks(value);
    onChange(isSimId(id) ? withTweaks(id, Object.fromEntries(JUDGE_TWEAKS.map((t) => [t.key, settings[t.key]]))) : id);
  };
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-2 text-sm">
        <span className="text-muted">Judge</span>
        <select
          aria-label="Judge model"
          value={chosen}
          onChange={(e) => pick(e.target.value)}
          disabled={disabled || usable.length === 0}
          className="h-8 min-w-0 rounded-md border border-line bg-surface px-2 text-sm"
        >
          {usable.length === 0 && <option value="">{status === "loading" ? "Loading models…" : "No model reachable"}</option>}
          {usable.map((m) => (
            <option key={m.id} value={m.id}>
              {displayName(m.id, models)}
            </option>
          ))}
        </select>
      </label>
      {isSimId(value) && <SimJudgeSettings modelId={value} onChange={onChange} disabled={disabled} />}
    </div>
  );
}

export interface JudgeControlsProps {
  model: string;
  onModelChange(model: string): void;
  /** A judging is under way: the controls wait for it. */
  busy: boolean;
  /** False while there is not enough to judge. */
  ready?: boolean;
  onJudge(): void;
  /** The button's words, e.g. "Judge the answers". */
  action: string;
}

/** The judge picker and the button that starts judging, with a spinner while it runs. */
export function JudgeControls({ model, onModelChange, busy, ready = true, onJudge, action }: JudgeControlsProps) {
  return (
    <>
      <JudgeSelect value={model} onChange={onModelChange} disabled={busy} />
      <Button size="sm" variant="primary" onClick={onJudge} disabled={busy || !model || !ready}>
        {busy && <SpinnerIcon size={12} />}
        {action}
      </Button>
    </>
  );
}
