import type { RunEvent } from "@/lib/moa/events";
import { isTerminal } from "@/lib/moa/events";
import { initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";

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

  publish(event: RunEvent): void {
    if (event.seq !== this.events.length) {
      throw new Error(`run ${this.id}: event seq ${event.seq} out of order (expected ${this.events.length})`);
    }
    this.events.push(event);
    this.state = reduceRun(this.state, event);
    const wakeUps = this.wakeUps;
    this.wakeUps = [];
    for (const wake of wakeUps) wake();
  }

  /** Every event with seq > afterSeq, then live ones, until the terminal event or `signal`. */
  async *subscribe(afterSeq: number, signal?: AbortSignal): AsyncGenerator<RunEvent> {
    let next = Math.max(0, afterSeq + 1);
    while (!signal?.aborted) {
      while (next < this.events.length) yield this.events[next++];
      if (this.ended) return;
      await this.nextPublish(signal);
    }
  }

  /** Resolves once the terminal event is published, or after `timeoutMs`. */
  async waitForEnd(timeoutMs: number): Promise<void> {
    const deadline = AbortSignal.timeout(timeoutMs);
    while (!this.ended && !deadline.aborted) await this.nextPublish(deadline);
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
