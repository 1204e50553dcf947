import "server-only";
import type { RunEvent } from "@/lib/moa/events";
import { isTerminal } from "@/lib/moa/events";
import { initialRunState, reduceRunEvents, type RunState } from "@/lib/moa/run-state";

/**
 * A run executing in this process: its events so far (indexed by seq), its folded state,
 * and the viewers waiting for more. Any number of viewers may join at any time.
 */
export class LiveRun {
  readonly id: string;
  readonly controller = new AbortController();
  readonly events: RunEvent[] = [];
  state: RunState;
  private wakeUps: Array<() => void> = [];

  constructor(id: string) {
    this.id = id;
    this.state = initialRunState(id);
  }

  get ended(): boolean {
    const last = this.events.at(-1);
    return last !== undefined && isTerminal(last);
  }

  /** Seq of the last event published; -1 before any. */
  get lastSeq(): number {
    return this.events.at(-1)?.seq ?? -1;
  }

  /**
   * Seqs only grow. They are consecutive while a run executes; a run closed after a crash has a
   * gap before its run-interrupted event (numbered above what viewers may have seen).
   */
  publish(event: RunEvent): void {
    this.publishAll([event]);
  }

  /** Publishes a batch in order: one fold of the state and one wake-up of the viewers for all of it. */
  publishAll(events: readonly RunEvent[]): void {
    let last = this.lastSeq;
    for (const event of events) {
      if (event.seq <= last) throw new Error(`run ${this.id}: event seq ${event.seq} out of order (last was ${last})`);
      last = event.seq;
    }
    for (const event of events) this.events.push(event);
    this.state = reduceRunEvents(this.state, events);
    const wakeUps = this.wakeUps;
    this.wakeUps = [];
    for (const wake of wakeUps) wake();
  }

  /**
   * Every event with seq > afterSeq, then live ones, until the terminal event or `signal`. A viewer
   * may be ahead of this copy (another instance's mirror still catching up on the table): what
   * arrives at or below its seq later is skipped, never sent twice.
   */
  async *subscribe(afterSeq: number, signal?: AbortSignal): AsyncGenerator<RunEvent> {
    let next = this.indexAfter(afterSeq);
    while (!signal?.aborted) {
      while (next < this.events.length) {
        const event = this.events[next++];
        if (event.seq > afterSeq) yield event;
      }
      if (this.ended) return;
      await this.nextPublish(signal);
    }
  }

  /** Resolves once the terminal event is published, or after `timeoutMs`. */
  async waitForEnd(timeoutMs: number): Promise<void> {
    const deadline = AbortSignal.timeout(timeoutMs);
    while (!this.ended && !deadline.aborted) await this.nextPublish(deadline);
  }

  /** Index of the first event with seq > afterSeq. */
  private indexAfter(afterSeq: number): number {
    const direct = Math.max(0, afterSeq + 1);
    // Seqs are consecutive from 0 up to any gap, so this is nearly always the answer.
    if (this.events[direct]?.seq === direct) return direct;
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.events[mid].seq <= afterSeq) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private nextPublish(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        signal?.removeEventListener("abort", wake);
        resolve();
      };
      this.wakeUps.push(wake);
      signal?.addEventListener("abort", wake, { once: true });
    });
  }
}
