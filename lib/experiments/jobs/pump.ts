import "server-only";
import type PgBoss from "pg-boss";

export interface Pump {
  /** Look at the queue now rather than at the next poll (a job was just queued here). */
  wake(): void;
  stop(): void;
}

/**
 * Keeps up to `limit` jobs of `queue` in hand: whenever slots are free it fetches as many jobs as
 * there are free slots in one query (pg-boss's SKIP LOCKED fetch), so a fetch is shared by many
 * units instead of paid per unit, and a slow unit never holds up the others the way a batch
 * handler would. An empty queue is polled every `pollMs`.
 */
export function startPump<T extends object>(boss: PgBoss, queue: string, limit: number, handle: (data: T) => Promise<void>, pollMs = 1000): Pump {
  let active = 0;
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  const wake = () => {
    wakeUp?.();
    wakeUp = undefined;
  };
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => (clearTimeout(timer), resolve());
    });

  const run = async (job: PgBoss.Job<T>) => {
    try {
      await handle(job.data);
      await boss.complete(queue, job.id);
    } catch (error) {
      console.error(`job ${job.id} failed; it will be retried:`, error instanceof Error ? error.message : error);
      await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    } finally {
      active--;
      wake();
    }
  };

  void (async () => {
    while (!stopped) {
      const free = limit - active;
      if (free <= 0) {
        await nap(pollMs);
        continue;
      }
      let jobs: PgBoss.Job<T>[] = [];
      try {
        jobs = (await boss.fetch<T>(queue, { batchSize: free })) ?? [];
      } catch (error) {
        if (!stopped) console.error("experiment queue: fetch failed", error);
      }
      if (jobs.length === 0) {
        await nap(pollMs);
        continue;
      }
      for (const job of jobs) {
        active++;
        void run(job);
      }
    }
  })();

  return {
    wake,
    stop() {
      stopped = true;
      wake();
    },
  };
}
