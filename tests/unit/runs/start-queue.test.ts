import { describe, expect, it } from "vitest";
import { nextStartTurn } from "@/lib/runs/process/start-queue";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("the run start queue: one start per turn of the event loop", () => {
  it("starts nothing in the turn that asks, then one start a turn, in the order asked", async () => {
    const started: number[] = [];
    const all = [0, 1, 2].map((i) => nextStartTurn().then(() => started.push(i)));
    await Promise.resolve();
    expect(started).toEqual([]);
    await turn();
    expect(started).toEqual([0]);
    await turn();
    expect(started).toEqual([0, 1]);
    await turn();
    expect(started).toEqual([0, 1, 2]);
    await Promise.all(all);
  });

  it("lets other work queued meanwhile run between two starts", async () => {
    const order: string[] = [];
    const first = nextStartTurn().then(() => order.push("start 1"));
    const second = nextStartTurn().then(() => order.push("start 2"));
    setImmediate(() => order.push("other work"));
    await Promise.all([first, second]);
    expect(order).toEqual(["start 1", "other work", "start 2"]);
  });

  it("starts again after it ran empty", async () => {
    await nextStartTurn();
    let later = false;
    const next = nextStartTurn().then(() => (later = true));
    expect(later).toBe(false);
    await next;
    expect(later).toBe(true);
  });
});
