"use client";

import { useSyncExternalStore } from "react";
import { STEP_TOGGLE_ATTR, StepControls } from "@/components/teach/step-controls";
import type { Replay } from "@/lib/client/replay";
import { useRunStore } from "@/lib/client/run-store";

function useSnapshot(replay: Replay) {
  return useSyncExternalStore(replay.subscribe, replay.getSnapshot, replay.getSnapshot);
}

/** Whether the replay stops before each layer. */
export function ReplayStepToggle({ replay }: { replay: Replay }) {
  const { stepping, playing } = useSnapshot(replay);
  return (
    <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-muted select-none">
      <input
        type="checkbox"
        checked={stepping}
        onChange={(e) => replay.setStepping(e.target.checked)}
        onKeyDown={(e) => {
          // Mid-layer, a clicker's Space has nothing to advance yet; it must not untick
          // stepping and let the replay run through the next pause. (While a layer is held,
          // the step controls take the key; paused or ended, Space toggles as usual.)
          if (e.key === " " && stepping && playing) e.preventDefault();
        }}
        {...{ [STEP_TOGGLE_ATTR]: "" }}
        className="h-4 w-4 accent-[var(--color-accent,currentColor)]"
      />
      Step through layers
    </label>
  );
}

/** The pause between two layers of a replay: Next layer (or Space) releases the next one. */
export function ReplayStepControls({ replay, className }: { replay: Replay; className?: string }) {
  const { heldBefore } = useSnapshot(replay);
  const config = useRunStore((s) => s.run.config);
  // The caption counts the answers the previous layer really gave, as the live one does.
  const answers = useRunStore((s) =>
    heldBefore === undefined ? undefined : s.run.agents[heldBefore - 1]?.filter((a) => a.status === "done").length,
  );
  if (!config || heldBefore === undefined) return null;
  return <StepControls config={config} pausedBefore={heldBefore} answers={answers} onNext={() => replay.nextLayer()} className={className} />;
}
