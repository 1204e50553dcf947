/**
 * The server side of step-through: the engine's `beforeLayer` waits here until the teacher
 * continues. A continue that arrives before the engine reaches the gate is kept, so a fast
 * double-press is never lost.
 */
export interface StepGate {
  wait(layer: number): Promise<void>;
  /** Opens the gate; returns the layer it let start, or undefined if none was waiting. */
  release(): number | undefined;
  waitingFor(): number | undefined;
}

export function createStepGate(): StepGate {
  let waiting: { layer: number; open: () => void } | undefined;
  return {
    wait(layer) {
      return new Promise<void>((resolve) => {
        waiting = { layer, open: resolve };
      });
    },
    release() {
      const current = waiting;
      waiting = undefined;
      current?.open();
      return current?.layer;
    },
    waitingFor: () => waiting?.layer,
  };
}
