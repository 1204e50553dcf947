import "server-only";
import { runEventSchema, type RunEvent } from "@/lib/moa/events";
import { processGlobal } from "@/lib/process-global";
import { LiveRun } from "../live-run";
import { getRunStore } from "../store";
import { ensureListener, onChannel, onListenerReconnect } from "./listener";
import { EVENTS_CHANNEL, decodeEventsNotice, type EventsNotice } from "./notice";

/** Without a notice for this long, a mirror reads the table itself (lost NOTIFY, dead executor). */
const POLL_MS = 1_000;
/** A mirror nobody watches is dropped after this long. */
const IDLE_DROP_MS = 5_000;

/**
 * This instance's copy of a run another instance executes: filled from the stored events,
 * then from NOTIFY payloads, shared by every local viewer of the run so that a hundred
 * viewers cost one listener, not a hundred queries. Events apply strictly in seq order; any
 * gap is filled from the table, so viewers get every event exactly once.
 */
export class RunMirror {
  readonly run: LiveRun;
  private chain: Promise<void> = Promise.resolve();
  /** A catch-up queued but not started yet: later requests share it instead of queuing more reads. */
  private queuedCatchUp?: Promise<void>;
  /** The first load from the table; every viewer waits for it, none repeats it. */
  readonly ready: Promise<void>;
  private lastNoticeAt = Date.now();
  private poll?: ReturnType<typeof setInterval>;
  private viewers = 0;
  private dropTimer?: ReturnType<typeof setTimeout>;

  constructor(
    readonly id: string,
    private readonly onDrop: () => void,
  ) {
    this.run = new LiveRun(id);
    this.poll = setInterval(() => {
      if (Date.now() - this.lastNoticeAt >= POLL_MS) this.catchUp();
    }, POLL_MS);
    this.poll.unref?.();
    this.dropWhenIdle(IDLE_DROP_MS);
    this.ready = this.catchUp();
  }

  /** Queues a read of everything after what this mirror has; resolves once applied. */
  catchUp(): Promise<void> {
    this.queuedCatchUp ??= this.enqueue(async () => {
      this.queuedCatchUp = undefined;
      const store = await getRunStore();
      this.applyStored(await store.getEvents(this.id, this.run.lastSeq));
    });
    return this.queuedCatchUp;
  }

  onNotice(notice: EventsNotice): void {
    this.lastNoticeAt = Date.now();
    void this.enqueue(async () => {
      const next = this.run.lastSeq + 1;
      if (notice.l < next) return;
      if (notice.e && notice.f <= next) {
        this.applyAnnounced(notice.e.map((e) => runEventSchema.parse(e)));
        return;
      }
      const store = await getRunStore();
      this.applyStored(await store.getEvents(this.id, next - 1));
    });
  }

  async *subscribe(afterSeq: number, signal: AbortSignal): AsyncGenerator<RunEvent> {
    this.viewers += 1;
    clearTimeout(this.dropTimer);
    try {
      yield* this.run.subscribe(afterSeq, signal);
    } finally {
      this.viewers -= 1;
      if (this.viewers === 0) this.dropWhenIdle(this.run.ended ? 0 : IDLE_DROP_MS);
    }
  }

  /** Also armed at creation: a stream that is opened but never read must not leak its mirror. */
  private dropWhenIdle(afterMs: number): void {
    clearTimeout(this.dropTimer);
    this.dropTimer = setTimeout(() => this.viewers === 0 && this.drop(), afterMs);
    this.dropTimer.unref?.();
  }

  drop(): void {
    clearInterval(this.poll);
    clearTimeout(this.dropTimer);
    this.onDrop();
  }

  /** Announced events apply only without a gap: a missed notice is filled from the table. */
  private applyAnnounced(events: RunEvent[]): void {
    for (const event of events) {
      if (this.run.ended) break;
      if (event.seq === this.run.lastSeq + 1) this.run.publish(event);
    }
    if (this.run.ended) clearInterval(this.poll);
  }

  /** The table is complete and ordered; its one gap is before the run-interrupted marker of a crashed run. */
  private applyStored(events: RunEvent[]): void {
    for (const event of events) {
      if (this.run.ended) break;
      if (event.seq > this.run.lastSeq) this.run.publish(event);
    }
    if (this.run.ended) clearInterval(this.poll);
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(step).catch((error) => console.error(`run ${this.id}: fan-out catch-up failed`, error));
    return this.chain;
  }
}

const mirrors = processGlobal("fanout-mirrors", () => new Map<string, RunMirror>());
const wiring = processGlobal("fanout-mirror-wiring", () => ({ wired: false }));

function wireOnce(): void {
  if (wiring.wired) return;
  wiring.wired = true;
  onChannel(EVENTS_CHANNEL, (payload) => {
    const notice = decodeEventsNotice(payload);
    if (notice) mirrors.get(notice.r)?.onNotice(notice);
  });
  onListenerReconnect(() => {
    for (const mirror of mirrors.values()) void mirror.catchUp();
  });
}

/** The mirror of a run executing elsewhere, loaded from the table; created on first use. */
export async function getMirror(runId: string): Promise<RunMirror> {
  await ensureListener();
  wireOnce();
  let mirror = mirrors.get(runId);
  if (!mirror) {
    // Registered before the first read, so notices that arrive during the read are queued, not lost.
    const created = new RunMirror(runId, () => {
      if (mirrors.get(runId) === created) mirrors.delete(runId);
    });
    mirrors.set(runId, created);
    mirror = created;
  }
  await mirror.ready;
  return mirror;
}

/** A mirror that already exists, for reading state without creating one. */
export function peekMirror(runId: string): RunMirror | undefined {
  return mirrors.get(runId);
}
