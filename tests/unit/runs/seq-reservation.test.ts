import { describe, expect, test } from "vitest";
import { createMemoryRunStore } from "@/lib/runs/memory-run-store";
import type { RunStore } from "@/lib/runs/run-store";
import { createSeqReservation } from "@/lib/runs/seq-reservation";

/** A store whose reservation writes wait until the test lets them through, and which records every mark. */
function gatedStore(options: { failFirst?: number } = {}) {
  const base = createMemoryRunStore();
  const marks: number[] = [];
  const waiting: Array<() => void> = [];
  let failures = options.failFirst ?? 0;
  const store: RunStore = {
    ...base,
    async reserveSeqs(runId, throughSeq) {
      await new Promise<void>((resolve) => waiting.push(resolve));
      if (failures > 0) {
        failures -= 1;
        throw new Error("database unavailable");
      }
      marks.push(throughSeq);
    },
  };
  const stored = () => marks.at(-1) ?? -1;
  const release = () => waiting.splice(0).forEach((go) => go());
  return { store, marks, stored, release, pending: () => waiting.length };
}

/** Sends seqs 0..count-1 the way the run manager does; returns the stored mark seen at each send. */
async function send(reservation: ReturnType<typeof createSeqReservation>, count: number, onSend: (seq: number) => void) {
  for (let seq = 0; seq < count; seq++) {
    const waiting = reservation.cover(seq);
    if (waiting) await waiting;
    onSend(seq);
  }
}

describe("seq reservation", () => {
  test("no seq is sent before the store holds a mark at or above it", async () => {
    const gate = gatedStore();
    const reservation = createSeqReservation(gate.store, "run", { reserved: 9, block: 10, onError: () => {} });
    const violations: number[] = [];
    let sent = -1;
    const sending = send(reservation, 45, (seq) => {
      sent = seq;
      if (seq > Math.max(9, gate.stored())) violations.push(seq);
    });
    // Let each reservation write through only after the sender has had time to run ahead.
    while (sent < 44) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      gate.release();
    }
    await sending;
    expect(violations).toEqual([]);
    expect(gate.marks.length).toBeGreaterThanOrEqual(3);
    expect(gate.marks).toEqual([...gate.marks].sort((a, b) => a - b));
  });

  test("the next block is asked for halfway through the current one, so a steady run does not wait", async () => {
    const gate = gatedStore();
    const reservation = createSeqReservation(gate.store, "run", { reserved: 99, block: 100 });
    for (let seq = 0; seq <= 50; seq++) expect(reservation.cover(seq)).toBeUndefined();
    expect(gate.pending()).toBe(1);
    gate.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(gate.marks).toEqual([199]);
    for (let seq = 51; seq <= 199; seq++) expect(reservation.cover(seq)).toBeUndefined();
  });

  test("a failed write is retried; the waiting event goes out once a mark is stored", async () => {
    const gate = gatedStore({ failFirst: 1 });
    const errors: unknown[] = [];
    const reservation = createSeqReservation(gate.store, "run", { reserved: 0, block: 10, onError: (e) => errors.push(e) });
    let covered = false;
    void reservation.cover(5)?.then(() => (covered = true));
    gate.release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errors).toHaveLength(1);
    expect(covered).toBe(false);
    gate.release();
    await expect.poll(() => covered).toBe(true);
    expect(gate.marks).toEqual([15]);
  });

  test("a store that keeps failing refuses the event instead of letting it out unreserved", async () => {
    const store: RunStore = { ...createMemoryRunStore(), reserveSeqs: () => Promise.reject(new Error("down")) };
    const reservation = createSeqReservation(store, "run", { reserved: 0, block: 10, giveUpMs: 0, onError: () => {} });
    await expect(reservation.cover(3)).rejects.toThrow(/could not be reserved/);
  });
});
