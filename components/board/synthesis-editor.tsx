"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { DEFAULT_SYNTHESIS_PROMPT } from "@/lib/moa/synthesis";
import { LIMITS } from "@/lib/moa/limits";

/** Edits the aggregate-and-synthesize instruction of one aggregator layer; blank means the paper's default. */
export function SynthesisEditor({
  layer,
  value,
  onChange,
}: {
  layer: number;
  value: string | undefined;
  onChange: (prompt: string | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="mt-3 rounded-xl border border-line bg-subtle/50 p-3">
      <div className="mb-1.5 flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-xs font-semibold">
          Synthesis prompt for layer {layer + 1}
        </label>
        <span className="flex items-center gap-1">
          {value === undefined && (
            <Button size="sm" variant="ghost" onClick={() => onChange(DEFAULT_SYNTHESIS_PROMPT)}>
              Edit a copy of the default
            </Button>
          )}
          {value !== undefined && (
            <Button size="sm" variant="ghost" onClick={() => onChange(undefined)}>
              Restore default
            </Button>
          )}
        </span>
      </div>
      <textarea
        id={id}
        rows={6}
        maxLength={LIMITS.maxSynthesisPromptChars}
        value={value ?? ""}
        placeholder={DEFAULT_SYNTHESIS_PROMPT}
        onChange={(e) => onChange(e.target.value)}
        className="w-full resize-y rounded-lg border border-line bg-surface p-2 font-mono text-xs leading-5 outline-none placeholder:text-muted/80 focus:border-accent"
      />
      <p className="mt-1 text-[11px] text-muted">
        Each agent of this layer gets this instruction followed by the numbered answers of layer {layer}. Left blank, the
        default above (from the paper) is used.
      </p>
    </div>
  );
}
