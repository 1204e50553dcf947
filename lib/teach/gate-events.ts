import type { RunEvent } from "@/lib/moa/events";

/**
 * The layer an event belongs to for stepping: agent and layer events carry it. The others
 * (run-started, the run's end) gate nothing by themselves: an end is only reached once every
 * event before it is shown.
 */
export function layerOfEvent(event: RunEvent): number {
  return "layer" in event ? event.layer : 0;
}

/**
 * Replay one layer at a time: the events up to (not including) the first one that belongs
 * to a layer above `allowedLayer` (0-based). Everything after it is held too, so the order
 * of what is shown never differs from the recording. Allowing the last layer lets
 * everything through, including the run's end.
 */
export function gateEventsByLayer(events: readonly RunEvent[], allowedLayer: number): RunEvent[] {
  const cut = events.findIndex((event) => layerOfEvent(event) > allowedLayer);
  return cut === -1 ? events.slice() : events.slice(0, cut);
}

/** The layer a gated replay waits to show (the one Next layer releases), or undefined when nothing is held. */
export function heldLayer(events: readonly RunEvent[], allowedLayer: number): number | undefined {
  const next = events.find((event) => layerOfEvent(event) > allowedLayer);
  return next ? layerOfEvent(next) : undefined;
}
