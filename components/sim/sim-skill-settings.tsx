"use client";

import { useState } from "react";
import { simProfile } from "@/lib/providers/sim/profiles";
import { parseSimId } from "@/lib/providers/sim/sim-id";
import { SKILL_TWEAKS, tweakSummary, withTweaks } from "@/lib/client/sim-tweaks";
import { TweakSliders } from "./tweak-sliders";

/**
 * A simulated model's skill for one slot. A teacher sets an aggregator's keep and catch to 0
 * and runs again: the gain over the proposers vanishes, because it came from that skill.
 */
export function SimSkillSettings({ modelId, onChange }: { modelId: string; onChange(modelId: string): void }) {
  const summary = tweakSummary(modelId);
  // Open when there is something set, decided once: resetting the last value must not fold it away under the pointer.
  const [openAtFirst] = useState(summary !== "");
  return (
    <details className="group rounded-lg border border-line px-2 py-1.5" open={openAtFirst || undefined}>
      <summary className="cursor-pointer text-xs font-medium select-none">
        Simulated skill{summary && <span className="ml-1.5 font-mono font-normal text-muted">{summary}</span>}
      </summary>
      <div className="mt-2">
        <TweakSliders modelId={modelId} specs={SKILL_TWEAKS} defaults={skillDefaults(modelId)} onChange={onChange} />
        {summary && (
          <button
            type="button"
            className="mt-1 text-[11px] text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent"
            onClick={() => onChange(withTweaks(modelId, Object.fromEntries(SKILL_TWEAKS.map((t) => [t.key, undefined]))))}
          >
            Reset skill to the model&apos;s own
          </button>
        )}
      </div>
    </details>
  );
}

/** The profile's own skill, under the query keys the sliders write. */
function skillDefaults(modelId: string): Partial<Record<string, number>> {
  const { skill } = simProfile(parseSimId(modelId).name);
  return { recall: skill.recall, halluc: skill.hallucination, keep: skill.keep, catch: skill.catch };
}
