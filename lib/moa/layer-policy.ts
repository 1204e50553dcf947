import type { LayerPolicy } from "./config";
import { formatDuration } from "./failures";

export interface PolicyTracker {
  /** Call after each agent of the layer finishes with an answer. */
  onAgentFinished(finishedCount: number): void;
  /** Clears any pending deadline; call when the layer ends for any reason. */
  dispose(): void;
}

/**
 * Decides when a layer stops waiting for stragglers. `skipRemaining` is called at most once,
 * with a reason a person can read next to the skipped agent.
 */
export function createPolicyTracker(policy: LayerPolicy | undefined, skipRemaining: (reason: string) => void): PolicyTracker {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fired = false;
  const fire = (reason: string) => {
    if (fired) return;
    fired = true;
    skipRemaining(reason);
  };

  return {
    onAgentFinished(finishedCount) {
      if (fired || !policy || policy.kind === "all") return;
      if (policy.kind === "quorum") {
        if (finishedCount >= policy.k) fire(`quorum of ${policy.k} reached`);
        return;
      }
      if (finishedCount !== 1 || timer) return;
      const reason = `deadline of ${formatDuration(policy.ms)} after the first answer passed`;
      if (policy.ms <= 0) fire(reason);
      else timer = setTimeout(() => fire(reason), policy.ms);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
