"use client";

import { useId } from "react";
import { readTweaks, withTweaks, type TweakSpec } from "@/lib/client/sim-tweaks";

/**
 * Sliders that write settings into a sim model id's query. A slider left alone shows
 * the model's own value and writes nothing, so the id stays short until someone changes it.
 */
export function TweakSliders({
  modelId,
  specs,
  defaults = {},
  onChange,
  disabled,
}: {
  modelId: string;
  specs: readonly TweakSpec[];
  /** The value each key has when the id does not set it. */
  defaults?: Partial<Record<string, number>>;
  onChange(modelId: string): void;
  disabled?: boolean;
}) {
  const id = useId();
  const values = readTweaks(modelId);
  return (
    <div className="space-y-2">
      {specs.map((spec) => {
        const set = values[spec.key];
        const fallback = defaults[spec.key];
        const shown = set ?? fallback ?? 0;
        const inputId = `${id}-${spec.key}`;
        return (
          <div key={spec.key}>
            <div className="mb-0.5 flex items-baseline justify-between gap-2">
              <label htmlFor={inputId} className="text-xs font-medium">
                {spec.label}
              </label>
              <span className="flex items-baseline gap-1.5 font-mono text-xs text-muted">
                {set === undefined ? (fallback === undefined ? "default" : `${fallback} (default)`) : <span className="font-semibold text-fg">{set}</span>}
                {set !== undefined && (
                  <button
                    type="button"
                    className="rounded px-1 font-sans text-[11px] text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent"
                    aria-label={`Reset ${spec.label} to the model's default`}
                    onClick={() => onChange(withTweaks(modelId, { [spec.key]: undefined }))}
                    disabled={disabled}
                  >
                    reset
                  </button>
                )}
              </span>
            </div>
            <input
              id={inputId}
              type="range"
              min={0}
              max={spec.max ?? 1}
              step={0.05}
              value={shown}
              aria-describedby={`${inputId}-hint`}
              aria-valuetext={set === undefined ? `${shown} (default)` : String(set)}
              onChange={(e) => onChange(withTweaks(modelId, { [spec.key]: Number(e.target.value) }))}
              disabled={disabled}
              className="w-full accent-accent"
            />
            <p id={`${inputId}-hint`} className="text-[11px] leading-4 text-muted">
              {spec.hint}
            </p>
          </div>
        );
      })}
    </div>
  );
}
