import "server-only";
import type { RunStore } from "./run-store";

/** Seqs reserved per store write: a 3×6 run emits ~2,000 events, so it writes the mark about twice. */
export const SEQ_BLOCK = 1024;
/** The reservation stored with the run itself, so a small run never writes one. */
export const INITIAL_SEQ_RESERVED = SEQ_BLOCK - 1;
const RETRY_MS = 250;
const GIVE_UP_MS = 10_000;

export interface SeqReservationOptions {
  /** The mark stored when the run was created. */
  reserved?: number;
  /** Settles once the run's row (holding that mark) is stored; until then no seq is covered. */
  stored?: Promise<void>;
  block?: number;
  /** A failed write is reported here and retried; past `giveUpMs` the waiting event is refused. */
  onError?: (error: unknown) => void;
  giveUpMs?: number;
}

export interface SeqReservation {
  /**
   * Undefined when an event with this seq may be sent to viewers now (nearly always); otherwise a
   * promise that settles once the store holds a mark at or above it. Rejects when the store keeps failing.
   */
  cover(seq: number): Promise<void> | undefined;
}

/**
 * Viewers get events before the event buffer stores them (up to one flush interval later). A
 * process killed in between leaves the store below what viewers saw; the run-interrupted event
 * written after the restart must then not take a seq they already hold. So before an event is
 * sent, the store holds a mark at or above its seq, written a block ahead: the marker goes above
 * the mark. The next block is asked for halfway through the current one, so a run seldom waits.
 * Nothing is covered before the run's row exists: a viewer never holds events of a run the store
 * could lose entirely.
 */
export function createSeqReservation(store: RunStore, runId: string, options: SeqReservationOptions = {}): SeqReservation {
  const block = options.block ?? SEQ_BLOCK;
  const giveUpMs = options.giveUpMs ?? GIVE_UP_MS;
  const onError = options.onError ?? ((error: unknown) => console.error(`run ${runId}: could not reserve event numbers`, error));
  const initial = options.reserved ?? INITIAL_SEQ_RESERVED;
  let reserved = options.stored ? -1 : initial;
  const stored = (options.stored ?? Promise.resolve()).then(() => {
    reserved = Math.max(reserved, initial);
  });
  stored.catch(() => {});
  let extending: Promise<void> | undefined;

  function extend(seq: number): Promise<void> {
    extending ??= (async () => {
      const target = Math.max(reserved, seq) + block;
      const deadline = Date.now() + giveUpMs;
      for (;;) {
        try {
          await store.reserveSeqs(runId, target);
          reserved = Math.max(reserved, target);
          return;
        } catch (error) {
          onError(error);
          if (Date.now() >= deadline) throw new Error(`run ${runId}: event numbers above ${reserved} could not be reserved`, { cause: error });
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
    })().finally(() => {
      extending = undefined;
    });
    return extending;
  }

  async function waitFor(seq: number): Promise<void> {
    await stored;
    while (seq > reserved) await extend(seq);
  }

  return {
    cover(seq) {
      if (seq <= reserved - block / 2) return undefined;
      if (reserved < 0) return waitFor(seq);
      if (!extending) extend(seq).catch(() => {});
      return seq <= reserved ? undefined : waitFor(seq);
    },
  };
}
