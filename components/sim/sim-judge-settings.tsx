"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { JUDGE_TWEAKS, readTweaks, tweakSummary } from "@/lib/client/sim-tweaks";
import { TweakSliders } from "./tweak-sliders";

/**
 * Noise and length bias of a simulated judge. Both default to 0: the judge then scores only
 * against the hidden key points and wrong claims. Length bias is there to be switched on in
 * class, so a biased verdict is always marked as such.
 */
export function SimJudgeSettings({ modelId, onChange, disabled }: { modelId: string; onChange(modelId: string): void; disabled?: boolean }) {
  const summary = tweakSummary(modelId);
  // Open when there is something set, decided once: resetting the last value must not fold it away under the pointer.
  const [openAtFirst] = useState(summary !== "");
  const biased = (readTweaks(modelId).lengthbias ?? 0) > 0;
  return (
    <>
      <details className="max-w-80 rounded-lg border border-line px-2 py-1 text-sm" open={openAtFirst || undefined}>
        <summary className="cursor-pointer text-xs font-medium select-none">
          Simulated judge settings
          <span className="ml-1.5 font-mono font-normal text-muted">{summary || "noise 0 · no length bias"}</span>
        </summary>
        <div className="mt-2">
          <TweakSliders modelId={modelId} specs={JUDGE_TWEAKS} defaults={{ noise: 0, lengthbias: 0 }} onChange={onChange} disabled={disabled} />
        </div>
      </details>
      {biased && (
        <Badge tone="warning" className="max-w-80 whitespace-normal">
          Length-biased judge: longer answers win more often, whatever they say
        </Badge>
      )}
    </>
  );
}
